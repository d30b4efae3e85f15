package io.tollgate.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    private static final Money ONE_TOKEN_AT_15_CENTS_PER_MILLION = Money.usd("0.15").times(new BigDecimal("0.000001"));

    @Test
    void a_million_tiny_costs_sum_to_exactly_their_total() {
        Money total = Money.ZERO;
        for (int i = 0; i < 1_000_000; i++) {
            total = total.plus(ONE_TOKEN_AT_15_CENTS_PER_MILLION);
        }

        assertThat(ONE_TOKEN_AT_15_CENTS_PER_MILLION.amount()).isEqualByComparingTo("0.00000015");
        assertThat(total).isEqualTo(Money.usd("0.15"));
        assertThat(total.amount()).isEqualByComparingTo("0.15");
    }

    @Test
    void the_same_sum_in_double_drifts_which_is_why_money_is_never_a_double() {
        double total = 0;
        for (int i = 0; i < 1_000_000; i++) {
            total += 0.15 / 1_000_000;
        }

        assertThat(total).isNotEqualTo(0.15);
        assertThat(new BigDecimal(total).setScale(15, RoundingMode.HALF_EVEN))
                .isNotEqualByComparingTo(new BigDecimal("0.15"));
    }

    @ParameterizedTest(name = "{0} rounds to {1}")
    @CsvSource({
        "0.125, 0.12",
        "0.135, 0.14",
        "0.005, 0.00",
        "0.015, 0.02",
        "0.025, 0.02",
        "0.1251, 0.13",
        "0.124999999, 0.12",
        "-0.125, -0.12",
        "-0.135, -0.14",
        "12, 12.00"
    })
    void rounding_to_cents_is_half_even(String amount, String cents) {
        BigDecimal rounded = Money.usd(amount).roundedToCents();

        assertThat(rounded).isEqualTo(new BigDecimal(cents));
        assertThat(rounded.scale()).isEqualTo(2);
        assertThat(Money.ROUNDING).isEqualTo(RoundingMode.HALF_EVEN);
    }

    @Test
    void arithmetic_is_exact_and_never_rounds() {
        Money price = Money.usd("0.000000001");

        assertThat(price.times(3).plus(Money.usd("1")).minus(Money.usd("0.5")))
                .isEqualTo(Money.usd("0.500000003"));
        assertThat(Money.usd("2.50").times(new BigDecimal("1.1"))).isEqualTo(Money.usd("2.75"));
        assertThat(Money.sum(List.of(Money.usd("0.1"), Money.usd("0.2")))).isEqualTo(Money.usd("0.3"));
    }

    @Test
    void equality_and_hash_follow_the_numeric_value_not_the_scale() {
        assertThat(Money.usd("1.0")).isEqualTo(Money.usd("1.00")).hasSameHashCodeAs(Money.usd("1.00"));
        assertThat(Money.usd("0")).isEqualTo(Money.usd("0.000")).hasSameHashCodeAs(Money.ZERO);
        assertThat(Money.usd("100")).isEqualTo(Money.of(new BigDecimal("1E+2")));
        assertThat(Money.usd("1.01")).isNotEqualTo(Money.usd("1.0"));
    }

    @Test
    void sign_and_order() {
        assertThat(Money.usd("0.00").isZero()).isTrue();
        assertThat(Money.usd("-0.01").isNegative()).isTrue();
        assertThat(Money.usd("0.01").isNegative()).isFalse();
        assertThat(Money.usd("0.02")).isGreaterThan(Money.usd("0.019999"));
        assertThat(Money.usd("3").negate()).isEqualTo(Money.usd("-3"));
    }

    @Test
    void prints_plain_decimals_never_exponents() {
        assertThat(ONE_TOKEN_AT_15_CENTS_PER_MILLION).hasToString("0.00000015");
        assertThat(Money.of(new BigDecimal("1E+3"))).hasToString("1000");
    }

    @Test
    void parsing_junk_names_the_input() {
        assertThatThrownBy(() -> Money.usd("12,50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'12,50'");
    }
}
