package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PriceScheduleTest {

    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");

    private final EffectivePrice january = price(JAN, "1");
    private final EffectivePrice march = price(MAR, "2");

    @Test
    void before_the_first_price_there_is_none() {
        PriceSchedule schedule = PriceSchedule.of(List.of(january, march));

        assertThat(schedule.at(JAN.minusNanos(1))).isEmpty();
        assertThat(PriceSchedule.empty().at(JUN)).isEmpty();
    }

    @Test
    void a_price_applies_from_its_first_instant_up_to_just_before_the_next() {
        PriceSchedule schedule = PriceSchedule.of(List.of(march, january));

        assertThat(schedule.at(JAN)).contains(january);
        assertThat(schedule.at(MAR.minusNanos(1))).contains(january);
        assertThat(schedule.at(MAR)).contains(march);
        assertThat(schedule.at(JUN)).contains(march);
        assertThat(schedule.prices()).containsExactly(january, march);
    }

    @Test
    void a_new_price_never_changes_the_cost_of_an_earlier_instant() {
        Instant requestTime = Instant.parse("2026-04-15T10:00:00Z");
        TokenUsage usage = TokenUsage.of(1_000_000, 0);
        List<EffectivePrice> history = new ArrayList<>(List.of(january, march));
        Money before = PriceSchedule.of(history).at(requestTime).orElseThrow().rates().costOf(usage);

        history.add(price(JUN, "5"));
        Money after = PriceSchedule.of(history).at(requestTime).orElseThrow().rates().costOf(usage);

        assertThat(after).isEqualTo(before).isEqualTo(Money.usd("2"));
        assertThat(PriceSchedule.of(history).at(JUN).orElseThrow().rates().costOf(usage)).isEqualTo(Money.usd("5"));
    }

    @Test
    void two_prices_at_the_same_instant_are_refused() {
        EffectivePrice clash = price(MAR, "3");

        assertThatThrownBy(() -> PriceSchedule.of(List.of(january, march, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03-01T00:00:00Z")
                .hasMessageContaining(march.priceId().toString())
                .hasMessageContaining(clash.priceId().toString());
    }

    private static EffectivePrice price(Instant from, String inputPerMillion) {
        return new EffectivePrice(UUID.randomUUID(), from,
                PriceRates.withoutReasoningRate(new BigDecimal(inputPerMillion), BigDecimal.ONE, BigDecimal.ZERO));
    }
}
