package io.tollgate.gateway.routing;

import io.tollgate.gateway.server.BackgroundLoop;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes what this replica knows of each deployment (breaker state, latency, error rate, calls in flight, use of
 * its provider capacity) to {@code deployment_live_states}, for the portal's live routing view: every
 * {@link RoutingProperties#publishInterval()}, on a thread of its own, one upsert of every deployment in the
 * snapshot that this replica has called. It only reads counters the request path keeps anyway, so requests pay
 * nothing for it. Rows carry the database's time, so the portal tells fresh from stale whatever the replicas' clocks
 * say; a stopping replica deletes its rows, and rows nobody refreshed for {@link #FORGET_AFTER} are deleted by any.
 */
@Component
class RoutingStatePublisher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(RoutingStatePublisher.class);
    static final String FORGET_AFTER = "10 minutes";
    private static final int ROUNDS_BETWEEN_CLEANUPS = 30;
    private static final String UPSERT = """
            insert into deployment_live_states (replica_id, deployment_id, breaker_state, latency_ms, window_calls,
                                                window_failed_calls, in_flight, requests_last_minute,
                                                tokens_last_minute, updated_at)
            select ?, s.* , now()
            from unnest(?::uuid[], ?::text[], ?::float8[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::bigint[]) as s
            on conflict (replica_id, deployment_id) do update set breaker_state = excluded.breaker_state,
                latency_ms = excluded.latency_ms, window_calls = excluded.window_calls,
                window_failed_calls = excluded.window_failed_calls, in_flight = excluded.in_flight,
                requests_last_minute = excluded.requests_last_minute, tokens_last_minute = excluded.tokens_last_minute,
                updated_at = excluded.updated_at""";
    private static final String FORGET_OTHERS = "delete from deployment_live_states where replica_id = ? and not (deployment_id = any(?::uuid[]))";
    private static final String FORGET_STALE = "delete from deployment_live_states where updated_at < now() - interval '" + FORGET_AFTER + "'";
    private static final String FORGET_ALL = "delete from deployment_live_states where replica_id = ?";

    private final DeploymentStates states;
    private final SnapshotHolder snapshots;
    private final DataSource dataSource;
    private final RoutingProperties properties;
    private final String replicaId;
    private Set<UUID> published = Set.of();
    private int rounds;
    private boolean failing;

    RoutingStatePublisher(DeploymentStates states, SnapshotHolder snapshots, DataSource dataSource,
                          RoutingProperties properties) {
        super("tollgate-routing-publish");
        this.states = states;
        this.snapshots = snapshots;
        this.dataSource = dataSource;
        this.properties = properties;
        this.replicaId = hostName() + "/" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
    }

    /** Names this replica's rows: its host name (a pod's name in Kubernetes) and a suffix new at each start. */
    String replicaId() {
        return replicaId;
    }

    @Override
    public void stop() {
        super.stop();
        try {
            awaitEnd(properties.publishInterval().plusSeconds(2));
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement forget = connection.prepareStatement(FORGET_ALL)) {
                forget.setString(1, replicaId);
                forget.executeUpdate();
            }
        } catch (SQLException e) {
            log.debug("Could not delete this replica's live routing state; it goes stale by itself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void run() {
        while (isRunning()) {
            snapshots.current().ifPresent(this::publishOnce);
            try {
                Thread.sleep(properties.publishInterval());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void publishOnce(ConfigSnapshot snapshot) {
        Set<UUID> current = new HashSet<>();
        snapshot.deploymentsByModel().values().forEach(deployments -> deployments.forEach(d -> current.add(d.id())));
        var rows = new Rows();
        long now = System.nanoTime();
        states.forEach((id, health) -> {
            if (current.contains(id)) {
                rows.add(id, health.live(now));
            }
        });
        try (Connection connection = dataSource.getConnection()) {
            if (!rows.ids.isEmpty()) {
                upsert(connection, rows);
            }
            Set<UUID> written = Set.copyOf(rows.ids);
            if (!written.containsAll(published)) {
                try (PreparedStatement forget = connection.prepareStatement(FORGET_OTHERS)) {
                    forget.setString(1, replicaId);
                    forget.setArray(2, connection.createArrayOf("uuid", rows.ids.toArray()));
                    forget.executeUpdate();
                }
            }
            published = written;
            if (rounds++ % ROUNDS_BETWEEN_CLEANUPS == 0) {
                try (PreparedStatement forget = connection.prepareStatement(FORGET_STALE)) {
                    forget.executeUpdate();
                }
            }
            if (failing) {
                log.info("Live routing state is published to PostgreSQL again");
            }
            failing = false;
        } catch (SQLException e) {
            if (!failing) {
                log.warn("Cannot publish live routing state (the portal's routing view shows this replica as stale "
                        + "until it can): {}", e.getMessage());
            }
            failing = true;
        }
    }

    private void upsert(Connection connection, Rows rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, replicaId);
            upsert.setArray(2, connection.createArrayOf("uuid", rows.ids.toArray()));
            upsert.setArray(3, connection.createArrayOf("text", rows.breakers.toArray()));
            upsert.setArray(4, connection.createArrayOf("float8", rows.latenciesMs.toArray()));
            upsert.setArray(5, connection.createArrayOf("int4", rows.calls.toArray()));
            upsert.setArray(6, connection.createArrayOf("int4", rows.failed.toArray()));
            upsert.setArray(7, connection.createArrayOf("int4", rows.inFlight.toArray()));
            upsert.setArray(8, connection.createArrayOf("int8", rows.requests.toArray()));
            upsert.setArray(9, connection.createArrayOf("int8", rows.tokens.toArray()));
            upsert.executeUpdate();
        }
    }

    /** One array per column, for one statement whatever the number of deployments. */
    private static final class Rows {
        final List<UUID> ids = new ArrayList<>();
        final List<String> breakers = new ArrayList<>();
        final List<Double> latenciesMs = new ArrayList<>();
        final List<Integer> calls = new ArrayList<>();
        final List<Integer> failed = new ArrayList<>();
        final List<Integer> inFlight = new ArrayList<>();
        final List<Long> requests = new ArrayList<>();
        final List<Long> tokens = new ArrayList<>();

        void add(UUID id, DeploymentHealth.LiveState state) {
            ids.add(id);
            breakers.add(state.breaker().name());
            latenciesMs.add(state.latencyNanos() < 0 ? null : state.latencyNanos() / 1_000_000);
            calls.add(state.windowCalls());
            failed.add(state.windowFailedCalls());
            inFlight.add(Math.max(0, state.inFlight()));
            requests.add(state.requestsLastMinute());
            tokens.add(state.tokensLastMinute());
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }

    @Override
    public String toString() {
        return "RoutingStatePublisher[" + replicaId + " every " + properties.publishInterval() + "]";
    }
}
