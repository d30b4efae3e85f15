package io.tollgate.gateway.observability;

import io.tollgate.gateway.snapshot.SnapshotHolder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The management port's readiness ({@code /actuator/health/readiness}, with Spring's own readiness state, which turns
 * false while the gateway drains): up once a configuration snapshot is loaded, as {@code /readyz} on the public port.
 */
@Component
class SnapshotHealthIndicator implements HealthIndicator {

    private final SnapshotHolder snapshots;

    SnapshotHealthIndicator(SnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Health health() {
        return (snapshots.ready() ? Health.up() : Health.outOfService())
                .withDetail("databaseReachable", snapshots.databaseReachable()).build();
    }
}
