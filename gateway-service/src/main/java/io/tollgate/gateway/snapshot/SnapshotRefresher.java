package io.tollgate.gateway.snapshot;

import io.tollgate.gateway.server.BackgroundLoop;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps the snapshot current on one dedicated thread and one dedicated connection: LISTEN tollgate_config, reload
 * shortly after a burst of notifications, reload everything periodically as a safety net, and when the connection
 * breaks, keep the last snapshot, retry until the database answers, then reload in full (notifications sent while
 * disconnected are lost, the reload covers them). Between notifications the thread waits in the connection's socket
 * read until the next periodic reload, without waking up. The same connection LISTENs on the channels of the
 * {@link ChangeListener}s (the budget spend's), who are told of their notifications and of every snapshot loaded.
 * The thread is supervised: anything else that breaks it restarts it.
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
    private final List<ChangeListener> listeners;
    private final List<String> channels = new ArrayList<>();
    private volatile @Nullable ListeningConnection listening;

    public SnapshotRefresher(SnapshotLoader loader, SnapshotHolder holder, SnapshotProperties properties,
                             DataSourceProperties dataSource, Clock clock, List<ChangeListener> listeners) {
        super("tollgate-config-listener");
        this.loader = loader;
        this.holder = holder;
        this.properties = properties;
        this.dataSource = dataSource;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        channels.add(CHANNEL);
        listeners.forEach(listener -> channels.add(listener.channel()));
    }

    @Override
    protected void run() {
        while (isRunning()) {
            try (var connection = ListeningConnection.open(dataSource, channels)) {
                listening = connection;
                if (!isRunning()) {
                    return;
                }
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

    @Override
    public void stop() {
        super.stop();
        var connection = listening;
        if (connection != null) {
            connection.abort();
        }
    }

    private void listen(ListeningConnection listening) throws SQLException {
        Connection connection = listening.connection();
        reload(connection);
        long pendingSince = -1;
        long lastReload = System.nanoTime();
        while (isRunning()) {
            long now = System.nanoTime();
            long wait = pendingSince < 0
                    ? properties.fullReloadInterval().toMillis() - TimeUnit.NANOSECONDS.toMillis(now - lastReload)
                    : properties.debounce().toMillis() - TimeUnit.NANOSECONDS.toMillis(now - pendingSince);
            Set<String> notified = listening.await(wait);
            now = System.nanoTime();
            if (notified.contains(CHANNEL) && pendingSince < 0) {
                pendingSince = now;
            }
            for (ChangeListener listener : listeners) {
                if (notified.contains(listener.channel())) {
                    listener.changed();
                }
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
        listeners.forEach(ChangeListener::changed);
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
