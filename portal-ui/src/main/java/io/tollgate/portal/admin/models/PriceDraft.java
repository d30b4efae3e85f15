package io.tollgate.portal.admin.models;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A price per million tokens from {@code effectiveFrom} on; reasoning null = priced as output, cache write null =
 * priced as input. The rules below are checked by the screen and again by the service.
 */
public record PriceDraft(Instant effectiveFrom, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
                         BigDecimal cachedInputPerMillion, @Nullable BigDecimal reasoningPerMillion,
                         @Nullable BigDecimal cacheWriteInputPerMillion) {

    static final String PRICE_RULE = "Not negative, at most 9 decimals, below 10 billion";
    static final String REQUIRED_RULE = "Give the start and the input, cached input and output prices";

    private static final BigDecimal MAX_PRICE = BigDecimal.TEN.pow(10); // numeric(19, 9)

    /** A price the database keeps exactly as given (it would round a 10th decimal away). */
    static boolean validPrice(@Nullable BigDecimal perMillion) {
        return perMillion == null || perMillion.signum() >= 0 && perMillion.stripTrailingZeros().scale() <= 9
                && perMillion.compareTo(MAX_PRICE) < 0;
    }

    /** Why the price cannot be added, or null when it can. */
    @SuppressWarnings("ConstantValue") // the management API may leave a required field out
    @Nullable String problem() {
        if (effectiveFrom == null || inputPerMillion == null || outputPerMillion == null
                || cachedInputPerMillion == null) {
            return REQUIRED_RULE;
        }
        for (BigDecimal price : new BigDecimal[] {inputPerMillion, outputPerMillion, cachedInputPerMillion,
                reasoningPerMillion, cacheWriteInputPerMillion}) {
            if (!validPrice(price)) {
                return "Prices: " + PRICE_RULE.toLowerCase();
            }
        }
        return null;
    }
}
