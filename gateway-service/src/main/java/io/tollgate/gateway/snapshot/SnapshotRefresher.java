package io.tollgate.gateway.snapshot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import io.tollgate.gateway.server.BackgroundLoop;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the snapshot current on one dedicated thread and one dedicated connection: LISTEN tollgate_config, reload
 * shortly after a burst of notifications, reload everything periodically as a safety net, and when the connection
 * breaks, keep the last snapshot, retry until the database answers, then reload in full (notifications sent while
 * disconnected are lost, the reload covers them). The thread is supervised: anything else that breaks it restarts it.
 */
@Component
public class SnapshotRefresher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);
    static final String CHANNEL = "tollgate_config";

    private final SnapshotLoader loader;
    private final SnapshotHolder holder;
    private final SnapshotProperties properties;
    private final DataSourceProperties dataSource;
    private final Clock clock;

    public SnapshotRefresher(SnapshotLoader loader, SnapshotHolder holder, SnapshotProperties properties,
                             DataSourceProperties dataSource, Clock clock) {
        super("tollgate-config-listener");
        this.loader = loader;
        this.holder = holder;
        this.properties = properties;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    protected void run() {
        while (isRunning()) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (!isRunning()) {
                    return;
                }
                boolean firstFailure = holder.databaseReachable() || holder.databaseLostAt().isEmpty();
                holder.databaseUnreachable(e instanceof SQLException sql && sql.getSQLState() != null
                        ? e.getClass().getSimpleName() + " (SQLState " + sql.getSQLState() + ")" : e.getClass().getSimpleName(), clock.instant());
                if (firstFailure) {
                    log.warn("Configuration database unreachable, serving the last snapshot and retrying: {}",
                            e.getMessage());
                }
                sleep(properties.retryInterval().toMillis());
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        reload(connection);
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long pendingSince = -1;
        long lastReload = System.nanoTime();
        while (isRunning()) {
            long now = System.nanoTime();
            long wait = pendingSince < 0 ? 500 : Math.max(1, properties.debounce().toMillis()
                    - TimeUnit.NANOSECONDS.toMillis(now - pendingSince));
            var received = notifications.getNotifications((int) wait);
            now = System.nanoTime();
            if (received != null && received.length > 0 && pendingSince < 0) {
                pendingSince = now;
            }
            boolean debounced = pendingSince >= 0 && now - pendingSince >= properties.debounce().toNanos();
            boolean periodic = now - lastReload >= properties.fullReloadInterval().toNanos();
            if (debounced || periodic) {
                pendingSince = -1;
                reload(connection);
                lastReload = System.nanoTime();
            }
        }
    }

    private void reload(Connection connection) throws SQLException {
        boolean first = !holder.ready();
        boolean recovered = !holder.databaseReachable() && holder.reloads() > 0;
        holder.replace(loader.load(connection));
        if (first || recovered) {
            log.info("Configuration snapshot loaded{}", recovered ? " (database reachable again)" : "");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
