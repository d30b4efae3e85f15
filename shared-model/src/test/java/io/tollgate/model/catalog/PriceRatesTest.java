package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceRatesTest {

    // input $2.50, output $10, cached input $1.25, reasoning $20 per million tokens
    private final PriceRates rates = new PriceRates(
            new BigDecimal("2.50"), new BigDecimal("10"), new BigDecimal("1.25"), new BigDecimal("20"));

    @Test
    void uncached_prompt_tokens_cost_the_input_rate() {
        assertThat(rates.costOf(TokenUsage.of(1_000_000, 0))).isEqualTo(Money.usd("2.50"));
        assertThat(rates.costOf(TokenUsage.of(1, 0))).isEqualTo(Money.usd("0.0000025"));
    }

    @Test
    void cached_prompt_tokens_cost_the_cached_rate_instead_of_the_input_rate() {
        assertThat(rates.costOf(new TokenUsage(1_000_000, 0, 400_000, 0)))
                .isEqualTo(Money.usd("2.00")); // 600k * 2.50 + 400k * 1.25
    }

    @Test
    void completion_tokens_cost_the_output_rate() {
        assertThat(rates.costOf(TokenUsage.of(0, 3))).isEqualTo(Money.usd("0.00003"));
    }

    @Test
    void reasoning_tokens_cost_the_reasoning_rate_instead_of_the_output_rate() {
        assertThat(rates.costOf(new TokenUsage(0, 1_000_000, 0, 250_000)))
                .isEqualTo(Money.usd("12.50")); // 750k * 10 + 250k * 20
    }

    @Test
    void without_a_reasoning_rate_reasoning_tokens_cost_the_output_rate() {
        PriceRates noReasoning = PriceRates.withoutReasoningRate(
                new BigDecimal("2.50"), new BigDecimal("10"), new BigDecimal("1.25"));

        assertThat(noReasoning.reasoningRate()).isEmpty();
        assertThat(noReasoning.costOf(new TokenUsage(0, 1_000_000, 0, 250_000))).isEqualTo(Money.usd("10"));
    }

    @Test
    void cache_writes_cost_their_own_rate_and_the_input_rate_without_one() {
        PriceRates withCacheWrites = new PriceRates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"),
                null, new BigDecimal("3.75"));
        // 100k plain x 3 + 500k cache reads x 0.30 + 400k cache writes x 3.75 + 10k output x 15
        TokenUsage usage = new TokenUsage(1_000_000, 10_000, 500_000, 0, 400_000);

        assertThat(withCacheWrites.costOf(usage)).isEqualTo(Money.usd("2.10"));
        assertThat(withCacheWrites.effectiveCacheWritePerMillion()).isEqualByComparingTo("3.75");
        // without a cache-write rate the 400k cost the input rate: 500k x 3 + 500k x 0.30 + 10k x 15
        assertThat(new PriceRates(new BigDecimal("3"), new BigDecimal("15"), new BigDecimal("0.30"), null)
                .costOf(usage)).isEqualTo(Money.usd("1.80"));
    }

    @Test
    void every_token_class_together_is_exact_to_the_last_digit() {
        PriceRates odd = new PriceRates(new BigDecimal("0.123456789"), new BigDecimal("0.987654321"),
                new BigDecimal("0.000000001"), null);

        Money cost = odd.costOf(new TokenUsage(7, 5, 3, 2));

        // (4 * 0.123456789 + 3 * 0.000000001 + 3 * 0.987654321 + 2 * 0.987654321) / 1e6
        assertThat(cost).isEqualTo(Money.usd("0.000005432098764"));
    }

    @Test
    void zero_usage_costs_nothing() {
        assertThat(rates.costOf(TokenUsage.ZERO).isZero()).isTrue();
    }

    @Test
    void negative_rates_are_refused_by_name() {
        assertThatThrownBy(() -> PriceRates.withoutReasoningRate(
                        new BigDecimal("1"), new BigDecimal("-0.01"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("outputPerMillion must not be negative, was -0.01");
    }
}
