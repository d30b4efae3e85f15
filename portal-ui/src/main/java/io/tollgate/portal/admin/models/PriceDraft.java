package io.tollgate.portal.admin.models;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A price per million tokens from {@code effectiveFrom} on; reasoning null = priced as output, cache write null =
 * priced as input.
 */
public record PriceDraft(Instant effectiveFrom, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
                         BigDecimal cachedInputPerMillion, @Nullable BigDecimal reasoningPerMillion,
                         @Nullable BigDecimal cacheWriteInputPerMillion) {
}
