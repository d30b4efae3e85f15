package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.snapshot.Snapshots;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class SnapshotHealthIndicatorTest {

    @Test
    void a_gateway_without_a_configuration_snapshot_is_not_ready() {
        var health = new SnapshotHealthIndicator(new SnapshotHolder()).health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void a_loaded_snapshot_makes_it_ready() {
        var loaded = Snapshots.holding(ConfigSnapshot.empty(Instant.parse("2026-12-03T10:00:00Z")));

        assertThat(new SnapshotHealthIndicator(loaded).health().getStatus()).isEqualTo(Status.UP);
    }
}
