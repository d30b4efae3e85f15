package io.tollgate.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanLimitsTest {

    private final PlanLimits pro = PlanLimits.ofNullable(600, 20_000, 200_000L, 5_000_000L, 20, null);

    @Test
    void null_columns_are_unlimited() {
        assertThat(pro.requestsPerMinute()).hasValue(600);
        assertThat(pro.tokensPerDay()).hasValue(5_000_000);
        assertThat(pro.maxTokensPerRequest()).isEmpty();
        assertThat(PlanLimits.ofNullable(null, null, null, null, null, null)).isEqualTo(PlanLimits.unlimited());
        assertThat(PlanLimits.unlimited().isUnlimited()).isTrue();
        assertThat(pro.isUnlimited()).isFalse();
    }

    @Test
    void a_present_override_wins_and_an_absent_one_keeps_the_plan_value() {
        PlanLimits overrides = PlanLimits.ofNullable(60, null, null, 1_000L, null, 4_096);

        PlanLimits effective = pro.overriddenBy(overrides);

        assertThat(effective).isEqualTo(PlanLimits.ofNullable(60, 20_000, 200_000L, 1_000L, 20, 4_096));
    }

    @Test
    void an_override_may_raise_a_limit_or_add_one_where_the_plan_has_none() {
        PlanLimits effective = PlanLimits.unlimited().overriddenBy(PlanLimits.ofNullable(null, null, null, null, 2, null))
                .overriddenBy(PlanLimits.ofNullable(10_000, null, null, null, null, null));

        assertThat(effective.maxConcurrentRequests()).hasValue(2);
        assertThat(effective.requestsPerMinute()).hasValue(10_000);
        assertThat(effective.tokensPerMinute()).isEmpty();
    }

    @Test
    void no_overrides_change_nothing() {
        assertThat(pro.overriddenBy(PlanLimits.unlimited())).isEqualTo(pro);
    }

    @Test
    void limits_must_be_positive_when_set() {
        assertThatThrownBy(() -> PlanLimits.ofNullable(0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestsPerMinute must be positive when set, was 0");
        assertThatThrownBy(() -> PlanLimits.ofNullable(null, null, -5L, null, null, null))
                .hasMessageContaining("tokensPerMinute");
    }
}
