package io.tollgate.billing.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvoiceRoundingTest {

    @Test
    void lines_add_up_to_the_total_and_the_total_is_the_rounded_exact_amount() {
        Random random = new Random(42);
        for (int invoice = 0; invoice < 500; invoice++) {
            List<BigDecimal> costs = IntStream.range(0, 1 + random.nextInt(30))
                    .mapToObj(i -> BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), 12)).toList();
            BigDecimal markup = BigDecimal.valueOf(random.nextInt(-5000, 20000), 3);

            InvoiceRounding.Rounded rounded = InvoiceRounding.round(costs, markup);

            BigDecimal exact = costs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal lines = rounded.lineAmounts().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lines).isEqualByComparingTo(rounded.subtotal());
            assertThat(rounded.subtotal()).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_EVEN));
            assertThat(lines.add(rounded.markupAmount())).isEqualByComparingTo(rounded.total());
            assertThat(rounded.total()).isEqualByComparingTo(exact.multiply(BigDecimal.ONE.add(
                    markup.movePointLeft(2))).setScale(2, RoundingMode.HALF_EVEN));
            for (int i = 0; i < costs.size(); i++) {
                assertThat(rounded.lineAmounts().get(i).subtract(costs.get(i)).abs()).isLessThan(new BigDecimal("0.01"));
            }
        }
    }

    @Test
    void three_thirds_of_a_cent_each_become_one_cent_on_the_first_line() {
        BigDecimal third = new BigDecimal("0.003333333333333");
        BigDecimal tenth = new BigDecimal("0.004");

        InvoiceRounding.Rounded rounded = InvoiceRounding.round(List.of(third, tenth, third), BigDecimal.ZERO);

        assertThat(rounded.subtotal()).isEqualByComparingTo("0.01");
        assertThat(rounded.lineAmounts()).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.01"),
                new BigDecimal("0.00"));
        assertThat(rounded.markupAmount()).isEqualByComparingTo("0");
    }

    @Test
    void half_a_cent_rounds_to_the_even_cent() {
        assertThat(InvoiceRounding.round(List.of(new BigDecimal("0.125")), BigDecimal.ZERO).total())
                .isEqualByComparingTo("0.12");
        assertThat(InvoiceRounding.round(List.of(new BigDecimal("0.135")), BigDecimal.ZERO).total())
                .isEqualByComparingTo("0.14");
    }

    @Test
    void a_discount_is_a_negative_line_and_lowers_the_total() {
        InvoiceRounding.Rounded rounded = InvoiceRounding.round(List.of(new BigDecimal("10.00")), new BigDecimal("-10"));

        assertThat(rounded.markupAmount()).isEqualByComparingTo("-1.00");
        assertThat(rounded.total()).isEqualByComparingTo("9.00");
    }
}
