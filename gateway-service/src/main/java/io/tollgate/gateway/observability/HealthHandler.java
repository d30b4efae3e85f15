package io.tollgate.gateway.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tollgate.gateway.metering.MeteringQueue;
import io.tollgate.gateway.metering.MeteringWorker;
import io.tollgate.gateway.server.Connections;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.snapshot.SnapshotProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: 200 while the gateway should get traffic: a configuration
 * snapshot is loaded and younger than {@link SnapshotProperties#maxAge()} (the last snapshot keeps serving through
 * a short database outage), the usage journal has room, and the gateway is not stopping; otherwise 503 with the
 * reasons. The body carries the database and metering state. {@code /metrics}: Prometheus.
 */
@Component
public class HealthHandler {

    private final SnapshotHolder snapshots;
    private final SnapshotProperties snapshotProperties;
    private final MeteringQueue queue;
    private final MeteringWorker metering;
    private final Connections connections;
    private final PrometheusMeterRegistry prometheus;
    private final Clock clock;

    public HealthHandler(SnapshotHolder snapshots, SnapshotProperties snapshotProperties, MeteringQueue queue,
                         MeteringWorker metering, Connections connections, PrometheusMeterRegistry prometheus,
                         Clock clock) {
        this.snapshots = snapshots;
        this.snapshotProperties = snapshotProperties;
        this.queue = queue;
        this.metering = metering;
        this.connections = connections;
        this.prometheus = prometheus;
        this.clock = clock;
    }

    public Mono<ServerResponse> live(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "UP"));
    }

    public Mono<ServerResponse> ready(ServerRequest request) {
        List<String> reasons = new ArrayList<>();
        var snapshot = new LinkedHashMap<String, Object>();
        snapshots.current().ifPresentOrElse(current -> {
            Duration age = Duration.between(current.loadedAt(), clock.instant());
            snapshot.put("loadedAt", current.loadedAt().toString());
            snapshot.put("ageSeconds", age.toSeconds());
            if (age.compareTo(snapshotProperties.maxAge()) > 0) {
                reasons.add("the configuration snapshot is older than " + snapshotProperties.maxAge());
            }
        }, () -> reasons.add("no configuration snapshot loaded yet"));
        snapshot.put("reloads", snapshots.reloads());
        if (!queue.accepting()) {
            reasons.add("the usage journal is full or failing");
        }
        if (connections.draining()) {
            reasons.add("stopping");
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
        if (!reasons.isEmpty()) {
            details.put("reasons", reasons);
        }
        details.put("snapshot", snapshot);
        var database = new LinkedHashMap<String, Object>();
        database.put("reachable", snapshots.databaseReachable());
        snapshots.databaseLostAt().ifPresent(at -> database.put("unreachableSince", at.toString()));
        snapshots.lastError().ifPresent(error -> database.put("lastError", error));
        details.put("database", database);
        details.put("connections", Map.of("open", connections.count(), "busy", connections.busy()));
        details.put("metering", Map.of("queueDepth", queue.depth(), "journalBytes", queue.journalBytes(),
                "databaseReachable", metering.databaseReachable()));
        return ServerResponse.status(reasons.isEmpty() ? 200 : 503).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(details);
    }

    public Mono<ServerResponse> metrics(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8"))
                .bodyValue(prometheus.scrape());
    }
}
