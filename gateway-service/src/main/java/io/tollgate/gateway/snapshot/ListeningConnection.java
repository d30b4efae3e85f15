package io.tollgate.gateway.snapshot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * A connection of its own, outside the pool, that LISTENs on channels. A wait for notifications blocks in the
 * socket read without waking up in between, so an idle gateway spends nothing on it; a stop that an interrupt could
 * not end (a blocked socket read does not see one) ends it with {@link #abort()}.
 */
final class ListeningConnection implements AutoCloseable {

    private final Connection connection;
    private final PGConnection notifications;

    private ListeningConnection(Connection connection) throws SQLException {
        this.connection = connection;
        this.notifications = connection.unwrap(PGConnection.class);
    }

    static ListeningConnection open(DataSourceProperties dataSource, Collection<String> channels) throws SQLException {
        Connection connection = DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
        try (var statement = connection.createStatement()) {
            for (String channel : channels) {
                statement.execute("LISTEN " + channel);
            }
            return new ListeningConnection(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** For queries between waits. */
    Connection connection() {
        return connection;
    }

    /** Waits at most {@code millis} (at least one) for notifications: the channels they came on, empty for none. */
    Set<String> await(long millis) throws SQLException {
        var received = notifications.getNotifications((int) Math.clamp(millis, 1, Integer.MAX_VALUE));
        if (received == null || received.length == 0) {
            return Set.of();
        }
        Set<String> channels = new HashSet<>();
        for (var notification : received) {
            channels.add(notification.getName());
        }
        return channels;
    }

    /** From another thread: closes the connection at once, so that a wait on it ends with an exception. */
    void abort() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // closed already
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
