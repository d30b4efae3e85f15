package io.tollgate.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final PlanLimits TEAM = PlanLimits.ofNullable(30, null, 100_000L, null, 5, null);

    @Test
    void a_plan_keeps_its_limits_unlimited_where_none_is_set() {
        Plan plan = new Plan("team", "Team", TEAM, new BigDecimal("12.5"), BigDecimal.ZERO, NOW);

        assertThat(plan.limits()).isEqualTo(TEAM);
        assertThat(plan.limits().requestsPerHour()).isEqualTo(OptionalLong.empty());
        assertThat(plan.getMarkupPercent()).isEqualTo(new BigDecimal("12.5000"));
        assertThat(plan.getCacheHitPerMillion()).isEqualTo(new BigDecimal("0E-9"));
    }

    @Test
    void a_discount_stays_below_one_hundred_percent_and_cache_hits_cost_nothing_or_more() {
        Plan plan = new Plan("team", "Team", TEAM, BigDecimal.ZERO, BigDecimal.ZERO, NOW);

        assertThatThrownBy(() -> plan.change("Team", TEAM, new BigDecimal("-100"), BigDecimal.ZERO, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.change("Team", TEAM, BigDecimal.ZERO, new BigDecimal("-0.1"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.change("Team", TEAM, new BigDecimal("1.00001"), BigDecimal.ZERO, NOW))
                .as("markup_percent keeps 4 decimals").isInstanceOf(IllegalArgumentException.class);
        plan.change("Team plus", PlanLimits.unlimited(), new BigDecimal("-99.9999"), new BigDecimal("0.125000001"),
                NOW);
        assertThat(plan.getName()).isEqualTo("Team plus");
        assertThat(plan.limits().isUnlimited()).isTrue();
    }
}
