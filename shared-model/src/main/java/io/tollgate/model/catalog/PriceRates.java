package io.tollgate.model.catalog;

import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * USD prices per million tokens of one model. Without a reasoning rate, reasoning tokens cost the
 * output rate (as the {@code prices.reasoning_per_million} column documents).
 */
@NullMarked
public record PriceRates(
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cachedInputPerMillion,
        @Nullable BigDecimal reasoningPerMillion) {

    public PriceRates {
        requireNonNegative("inputPerMillion", inputPerMillion);
        requireNonNegative("outputPerMillion", outputPerMillion);
        requireNonNegative("cachedInputPerMillion", cachedInputPerMillion);
        if (reasoningPerMillion != null) {
            requireNonNegative("reasoningPerMillion", reasoningPerMillion);
        }
    }

    public static PriceRates withoutReasoningRate(
            BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion) {
        return new PriceRates(inputPerMillion, outputPerMillion, cachedInputPerMillion, null);
    }

    public Optional<BigDecimal> reasoningRate() {
        return Optional.ofNullable(reasoningPerMillion);
    }

    /** The rate reasoning tokens are billed at: their own, else the output rate. */
    public BigDecimal effectiveReasoningPerMillion() {
        return reasoningPerMillion != null ? reasoningPerMillion : outputPerMillion;
    }

    /** The exact cost of the usage; nothing is rounded, the scale grows as needed. */
    public Money costOf(TokenUsage usage) {
        BigDecimal perMillion = inputPerMillion.multiply(BigDecimal.valueOf(usage.uncachedPromptTokens()))
                .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(usage.cachedPromptTokens())))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.visibleCompletionTokens())))
                .add(effectiveReasoningPerMillion().multiply(BigDecimal.valueOf(usage.reasoningTokens())));
        return Money.of(perMillion.movePointLeft(6));
    }

    private static void requireNonNegative(String name, BigDecimal rate) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + rate.toPlainString());
        }
    }
}
