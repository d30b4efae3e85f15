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
