package io.tollgate.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One metered request with its ids, as the management API pages through them. */
public record UsageEventRow(UUID id, Instant occurredAt, @Nullable UUID appId, String app, @Nullable UUID apiKeyId,
                            String keyPrefix, String model, int promptTokens, int completionTokens, BigDecimal costUsd,
                            int statusCode, @Nullable String tags) {

    public UsagePosition position() {
        return new UsagePosition(occurredAt, id);
    }
}
