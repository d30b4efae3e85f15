package io.tollgate.gateway.observability;

import io.tollgate.gateway.metering.MeteringQueue;
import io.tollgate.gateway.metering.MeteringWorker;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /livez} (and its older name {@code /healthz}): the process answers. {@code /readyz}: 200 once a configuration
 * snapshot is loaded (and while the database is down, since the last snapshot still serves), with the database and
 * metering state in the body. Metrics are on the management port only ({@code /actuator/prometheus}): their labels
 * name tenants.
 */
@Component
public class HealthHandler {

    private final SnapshotHolder snapshots;
    private final MeteringQueue queue;
    private final MeteringWorker metering;
    private final Clock clock;

    public HealthHandler(SnapshotHolder snapshots, MeteringQueue queue, MeteringWorker metering,
                         Clock clock) {
        this.snapshots = snapshots;
        this.queue = queue;
        this.metering = metering;
        this.clock = clock;
    }

    public Mono<ServerResponse> live(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "UP"));
    }

    public Mono<ServerResponse> ready(ServerRequest request) {
        var details = new LinkedHashMap<String, Object>();
        boolean ready = snapshots.ready();
        details.put("status", ready ? "READY" : "NOT_READY");
        var snapshot = new LinkedHashMap<String, Object>();
        snapshots.current().ifPresent(current -> {
            snapshot.put("loadedAt", current.loadedAt().toString());
            snapshot.put("ageSeconds", Duration.between(current.loadedAt(), clock.instant()).toSeconds());
        });
        snapshot.put("reloads", snapshots.reloads());
        details.put("snapshot", snapshot);
        var database = new LinkedHashMap<String, Object>();
        database.put("reachable", snapshots.databaseReachable());
        snapshots.databaseLostAt().ifPresent(at -> database.put("unreachableSince", at.toString()));
        snapshots.lastError().ifPresent(error -> database.put("lastError", error));
        details.put("database", database);
        details.put("metering", Map.of("queueDepth", queue.depth(), "spooledEvents", metering.spooledEvents(),
                "databaseReachable", metering.databaseReachable()));
        return ServerResponse.status(ready ? 200 : 503).contentType(MediaType.APPLICATION_JSON).bodyValue(details);
    }
}
