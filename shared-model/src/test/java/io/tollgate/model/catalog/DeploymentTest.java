package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeploymentTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void a_cost_is_known_for_input_and_output_or_for_neither() {
        assertThatThrownBy(() -> settings(new BigDecimal("1"), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(null, new BigDecimal("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(null, null).costInputPerMillion()).isNull();
    }

    @Test
    void weight_and_priority_stay_in_their_ranges() {
        assertThatThrownBy(() -> new DeploymentSettings("up", 10_001, 0, true, null, null, null, null, null, null,
                null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeploymentSettings("up", 0, -1, true, null, null, null, null, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void costs_are_kept_with_the_columns_nine_decimals_or_refused() {
        Deployment deployment = new Deployment(UUID.randomUUID(), UUID.randomUUID(),
                settings(new BigDecimal("0.000000001"), new BigDecimal("2.5")), NOW);

        assertThat(deployment.settings().costInputPerMillion()).isEqualTo(new BigDecimal("0.000000001"));
        assertThat(deployment.settings().costOutputPerMillion()).isEqualTo(new BigDecimal("2.500000000"));
        assertThatThrownBy(() -> deployment.change(settings(new BigDecimal("0.0000000001"), BigDecimal.ONE), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DeploymentSettings settings(@Nullable BigDecimal input, @Nullable BigDecimal output) {
        return new DeploymentSettings("gpt-4o-mini-2024-07-18", 100, 0, true, 600, 200_000L, 2_000, 30_000, 1_500,
                10_000, input, output);
    }
}
