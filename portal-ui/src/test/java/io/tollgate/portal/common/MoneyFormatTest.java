package io.tollgate.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    @Test
    void amounts_show_cents_rounded_half_up() {
        assertThat(MoneyFormat.usd(new BigDecimal("1234.5"))).isEqualTo("$1234.50");
        assertThat(MoneyFormat.usd(new BigDecimal("0.015"))).isEqualTo("$0.02");
        assertThat(MoneyFormat.usd(BigDecimal.ZERO)).isEqualTo("$0.00");
    }

    @Test
    void a_spend_below_a_cent_does_not_read_as_free() {
        assertThat(MoneyFormat.usd(new BigDecimal("0.000042"))).isEqualTo("< $0.01");
        assertThat(MoneyFormat.usd(new BigDecimal("0.01"))).isEqualTo("$0.01");
    }
}
