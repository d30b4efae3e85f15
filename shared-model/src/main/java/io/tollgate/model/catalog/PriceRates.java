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
 * output rate (as the {@code prices.reasoning_per_million} column documents); without a cache-write rate, prompt
 * tokens written to a prompt cache cost the input rate.
 */
@NullMarked
public record PriceRates(
        BigDecimal inputPerMillion,
        BigDecimal outputPerMillion,
        BigDecimal cachedInputPerMillion,
        @Nullable BigDecimal reasoningPerMillion,
        @Nullable BigDecimal cacheWriteInputPerMillion) {

    public PriceRates {
        requireNonNegative("inputPerMillion", inputPerMillion);
        requireNonNegative("outputPerMillion", outputPerMillion);
        requireNonNegative("cachedInputPerMillion", cachedInputPerMillion);
        if (reasoningPerMillion != null) {
            requireNonNegative("reasoningPerMillion", reasoningPerMillion);
        }
        if (cacheWriteInputPerMillion != null) {
            requireNonNegative("cacheWriteInputPerMillion", cacheWriteInputPerMillion);
        }
    }

    /** Rates without a cache-write rate of their own. */
    public PriceRates(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion,
                      @Nullable BigDecimal reasoningPerMillion) {
        this(inputPerMillion, outputPerMillion, cachedInputPerMillion, reasoningPerMillion, null);
    }

    public static PriceRates withoutReasoningRate(
            BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion) {
        return new PriceRates(inputPerMillion, outputPerMillion, cachedInputPerMillion, null, null);
    }

    public Optional<BigDecimal> reasoningRate() {
        return Optional.ofNullable(reasoningPerMillion);
    }

    /** The rate reasoning tokens are billed at: their own, else the output rate. */
    public BigDecimal effectiveReasoningPerMillion() {
        return reasoningPerMillion != null ? reasoningPerMillion : outputPerMillion;
    }

    /** The rate prompt tokens written to a prompt cache are billed at: their own, else the input rate. */
    public BigDecimal effectiveCacheWritePerMillion() {
        return cacheWriteInputPerMillion != null ? cacheWriteInputPerMillion : inputPerMillion;
    }

    /**
     * The exact cost of the usage; nothing is rounded, the scale grows as needed. Kinds of tokens the usage has none
     * of add nothing and are left out (the gateway prices every request, and most use two kinds of the five).
     */
    public Money costOf(TokenUsage usage) {
        BigDecimal perMillion = inputPerMillion.multiply(BigDecimal.valueOf(usage.plainPromptTokens()));
        perMillion = plus(perMillion, cachedInputPerMillion, usage.cachedPromptTokens());
        perMillion = plus(perMillion, effectiveCacheWritePerMillion(), usage.cacheWriteTokens());
        perMillion = plus(perMillion, outputPerMillion, usage.visibleCompletionTokens());
        perMillion = plus(perMillion, effectiveReasoningPerMillion(), usage.reasoningTokens());
        return Money.of(perMillion.movePointLeft(6));
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal perMillion, long tokens) {
        return tokens == 0 ? sum : sum.add(perMillion.multiply(BigDecimal.valueOf(tokens)));
    }

    private static void requireNonNegative(String name, BigDecimal rate) {
        Objects.requireNonNull(rate, name);
        if (rate.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + rate.toPlainString());
        }
    }
}
