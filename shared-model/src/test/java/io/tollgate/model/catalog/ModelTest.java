package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final PriceRates RATES = PriceRates.withoutReasoningRate(new BigDecimal("2.5"),
            new BigDecimal("10"), new BigDecimal("1.25"));

    @Test
    void a_price_starting_in_the_past_is_refused_so_past_costs_never_change() {
        Model model = new Model(details(ModelStatus.ACTIVE), NOW);
        model.addPrice(NOW.minus(Duration.ofHours(1)).plusSeconds(1), RATES, NOW.minus(Duration.ofHours(1)));

        assertThatThrownBy(() -> model.addPrice(NOW.minus(Duration.ofMinutes(2)), RATES, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past costs are never rewritten");
        assertThat(model.priceSchedule().prices()).extracting(EffectivePrice::effectiveFrom)
                .containsExactly(NOW.minus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    void a_price_may_start_a_moment_ago_as_a_form_filled_just_before_says() {
        Model model = new Model(details(ModelStatus.ACTIVE), NOW);

        EffectivePrice added = model.addPrice(NOW.minusSeconds(30), RATES, NOW);

        assertThat(model.priceSchedule().prices()).containsExactly(added);
        assertThat(added.rates().inputPerMillion()).isEqualByComparingTo("2.5");
    }

    @Test
    void two_prices_cannot_start_at_the_same_instant() {
        Model model = new Model(details(ModelStatus.ACTIVE), NOW);
        Instant from = NOW.plus(Duration.ofDays(1));
        model.addPrice(from, RATES, NOW);

        assertThatThrownBy(() -> model.addPrice(from, RATES, NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a price starting at that instant");
        assertThat(model.priceSchedule().prices()).hasSize(1);
    }

    @Test
    void a_price_with_a_tenth_decimal_is_refused_rather_than_rounded() {
        Model model = new Model(details(ModelStatus.ACTIVE), NOW);
        PriceRates tooFine = PriceRates.withoutReasoningRate(new BigDecimal("0.0000000001"), BigDecimal.ONE,
                BigDecimal.ONE);

        assertThatThrownBy(() -> model.addPrice(NOW, tooFine, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 9 decimals");
        assertThat(model.priceSchedule().isEmpty()).isTrue();
    }

    @Test
    void disabling_and_enabling_moves_only_the_status() {
        Model model = new Model(details(ModelStatus.DEPRECATED), NOW);

        model.disable(NOW);
        assertThat(model.details()).isEqualTo(details(ModelStatus.DISABLED));
        model.enable(NOW);
        assertThat(model.details().status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(model.getRoutingStrategy()).as("a new model's routing").isEqualTo("PRIORITY");
    }

    @Test
    void a_model_has_a_positive_context_window_and_max_output() {
        assertThatThrownBy(() -> new ModelDetails("m", "M", "", List.of(), 0, null, true, ModelStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelDetails("m", "M", "", List.of(), 8, 0, true, ModelStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ModelDetails details(ModelStatus status) {
        return new ModelDetails("gpt-4o-mini", "GPT-4o mini", "Small", List.of("chat", "streaming"), 128_000, 16_384,
                true, status);
    }
}
