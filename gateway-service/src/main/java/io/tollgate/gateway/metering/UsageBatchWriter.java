package io.tollgate.gateway.metering;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of usage events and moves the keys' last_used_at forward, in one transaction, together with what
 * each {@link UsageListener} books on the newly inserted events (budget spend). The events go in with one binary
 * {@code COPY}. When the copy fails for anything but the connection, the transaction starts over with a multi-row
 * INSERT from arrays: some events are in the table already (a batch written again after its commit's answer was
 * lost, or replayed from the journal), which the INSERT skips by their (id, occurred_at) key, so a replayed batch
 * counts nothing twice; or the table's columns no longer match the binary rows (a migration newer than this gateway),
 * whose values the INSERT's casts still fit; or an event the database refuses, which the INSERT refuses too.
 */
@Component
public class UsageBatchWriter {

    private static final String COPY_EVENTS = "copy usage_events (" + UsageCopyRows.COLUMNS
            + ") from stdin with (format binary)";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION = "22000";
    /** What the server answers binary rows that do not fit the columns (shorter or longer than a value's type). */
    private static final String PROTOCOL_VIOLATION = "08P01";
    private static final Duration COPY_WARNING_INTERVAL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(UsageBatchWriter.class);

    private static final String INSERT_EVENTS = """
            insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model,
                served_model, provider_id, deployment_id, upstream_model, price_id, prompt_tokens, completion_tokens,
                cached_tokens, reasoning_tokens, usage_estimated, cost_usd, latency_ms, ttft_ms, status_code,
                error_type, streamed, tags, cache_write_tokens, attempts, cache_hit)
            select * from unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::int[], ?::int[], ?::int[], ?::int[],
                ?::boolean[], ?::numeric[], ?::int[], ?::int[], ?::int[], ?::text[], ?::boolean[], ?::text[], ?::int[],
                ?::int2[], ?::boolean[])
            on conflict (id, occurred_at) do nothing
            returning id""";

    /** Keys deleted since the request are skipped (api_key_usage references api_keys). */
    private static final String TOUCH_KEYS = """
            insert into api_key_usage (api_key_id, last_used_at)
            select u.id, u.at from unnest(?::uuid[], ?::timestamptz[]) as u(id, at) join api_keys k on k.id = u.id
            on conflict (api_key_id) do update set last_used_at = greatest(api_key_usage.last_used_at, excluded.last_used_at)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final List<UsageListener> listeners;
    private volatile LocalDate partitionsEnsuredOn = LocalDate.MIN;
    /** The rows' array of the last batch, for the next: one worker writes, so one is enough. */
    private final AtomicReference<UsageCopyRows> spareRows = new AtomicReference<>();
    private volatile long lastCopyWarningNanos;

    public UsageBatchWriter(DataSource dataSource, Clock clock, List<UsageListener> listeners) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** The number of events inserted (less than the batch when some were written before). */
    public int write(List<UsageEvent> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ensurePartitions(connection);
            connection.setAutoCommit(false);
            try {
                List<UsageEvent> inserted = insertNew(connection, batch);
                touchKeys(connection, batch);
                for (UsageListener listener : listeners) {
                    listener.inserted(connection, inserted);
                }
                commit(connection, batch);
                return inserted.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private void commit(Connection connection, List<UsageEvent> batch) throws SQLException {
        listeners.forEach(UsageListener::beforeCommit);
        boolean committed = false;
        try {
            connection.commit();
            committed = true;
        } finally {
            boolean done = committed;
            listeners.forEach(listener -> listener.afterCommit(batch, done));
        }
    }

    /** The events of the batch that were not in the table yet. */
    private List<UsageEvent> insertNew(Connection connection, List<UsageEvent> batch) throws SQLException {
        try {
            copy(connection, batch);
            return batch;
        } catch (SQLException e) {
            if (isConnectionLost(e)) {
                // the copy ran on the driver's own connection, past the pool: the pool must be told it is broken,
                // or it hands the same dead connection to every retry
                evict(connection);
                throw e;
            }
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                warnCopyRefused(e);
            }
            // the copy was the transaction's first statement: nothing else is lost with it
            connection.rollback();
            return insertEvents(connection, batch);
        } catch (IOException e) {
            throw new SQLException("could not copy the usage events", e);
        }
    }

    private void copy(Connection connection, List<UsageEvent> batch) throws SQLException, IOException {
        var spare = spareRows.getAndSet(null);
        var rows = spare == null ? new UsageCopyRows() : spare;
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_EVENTS, encoded(rows, batch));
        } finally {
            spareRows.set(rows);
        }
    }

    /**
     * The connection itself is gone (the driver's own connection, the pool must drop it). A protocol violation the
     * server reports is its answer to what was sent (binary rows that do not fit), on a connection still open.
     */
    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException || state == null
                || (state.startsWith("08") && !PROTOCOL_VIOLATION.equals(state)) || state.startsWith("57P");
    }

    /** At most every few minutes: a schema newer than this gateway sends every batch this way, and slower. */
    private void warnCopyRefused(SQLException e) {
        long now = System.nanoTime();
        long last = lastCopyWarningNanos;
        if (last == 0 || now - last > COPY_WARNING_INTERVAL.toNanos()) {
            lastCopyWarningNanos = now;
            log.warn("The binary COPY of a batch of usage events failed ({}: {}); writing it by INSERT. "
                    + "If usage_events changed in a migration, this gateway is older than the schema.",
                    e.getSQLState(), e.getMessage());
        }
    }

    /**
     * A value its column cannot hold fails the copy as PostgreSQL fails a value it refuses (a data exception): the
     * INSERT then tries, and if the database refuses it too, the metering worker writes the batch's events one by one
     * and drops only that one.
     */
    private static InputStream encoded(UsageCopyRows rows, List<UsageEvent> batch) throws SQLException {
        try {
            return rows.encode(batch);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new SQLException("A usage event cannot be written: " + e.getMessage(), DATA_EXCEPTION, e);
        }
    }

    private void evict(Connection connection) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
        }
    }

    private List<UsageEvent> insertEvents(Connection connection, List<UsageEvent> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENTS)) {
            int i = 1;
            insert.setArray(i++, text(connection, batch, e -> e.id()));
            insert.setArray(i++, text(connection, batch, e -> e.occurredAt()));
            insert.setArray(i++, text(connection, batch, e -> e.tenantId()));
            insert.setArray(i++, text(connection, batch, e -> e.appId()));
            insert.setArray(i++, text(connection, batch, e -> e.apiKeyId()));
            insert.setArray(i++, text(connection, batch, e -> e.endpoint()));
            insert.setArray(i++, text(connection, batch, e -> e.requestedModel()));
            insert.setArray(i++, text(connection, batch, e -> e.servedModel()));
            insert.setArray(i++, text(connection, batch, e -> e.providerId()));
            insert.setArray(i++, text(connection, batch, e -> e.deploymentId()));
            insert.setArray(i++, text(connection, batch, e -> e.upstreamModel()));
            insert.setArray(i++, text(connection, batch, e -> e.priceId()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.promptTokens()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.completionTokens()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.cachedTokens()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.reasoningTokens()));
            insert.setArray(i++, array(connection, "bool", batch, e -> e.usageEstimated()));
            insert.setArray(i++, array(connection, "numeric", batch, e -> e.costUsd()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.latencyMs()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.ttftMs()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.statusCode()));
            insert.setArray(i++, text(connection, batch, e -> e.errorType()));
            insert.setArray(i++, array(connection, "bool", batch, e -> e.streamed()));
            insert.setArray(i++, text(connection, batch, e -> e.tags()));
            insert.setArray(i++, array(connection, "int4", batch, e -> e.cacheWriteTokens()));
            // as integers, so that one past a smallint fails the cast rather than wrapping around
            insert.setArray(i++, array(connection, "int4", batch, e -> e.attempts()));
            insert.setArray(i, array(connection, "bool", batch, e -> e.cacheHit()));
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return batch.stream().filter(event -> ids.contains(event.id())).toList();
        }
    }

    private void touchKeys(Connection connection, List<UsageEvent> batch) throws SQLException {
        Map<UUID, Instant> lastUsed = new HashMap<>();
        batch.forEach(event -> lastUsed.merge(event.apiKeyId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b));
        try (PreparedStatement touch = connection.prepareStatement(TOUCH_KEYS)) {
            touch.setArray(1, connection.createArrayOf("text", lastUsed.keySet().stream().map(UUID::toString).toArray()));
            touch.setArray(2, connection.createArrayOf("text", lastUsed.values().stream().map(Instant::toString).toArray()));
            touch.executeUpdate();
        }
    }

    /** Monthly partitions for last month to two months ahead, once a day (events out of range still land in the default partition). */
    private void ensurePartitions(Connection connection) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (today.equals(partitionsEnsuredOn)) {
            return;
        }
        try (var statement = connection.prepareStatement("select usage_events_ensure_partitions(?, 4)")) {
            statement.setObject(1, today.minusMonths(1).withDayOfMonth(1));
            statement.execute();
        }
        partitionsEnsuredOn = today;
    }

    private static java.sql.Array text(Connection connection, List<UsageEvent> batch, Function<UsageEvent, Object> column)
            throws SQLException {
        return connection.createArrayOf("text", batch.stream().map(column)
                .map(value -> value == null ? null : value.toString()).toArray());
    }

    private static java.sql.Array array(Connection connection, String type, List<UsageEvent> batch,
                                        Function<UsageEvent, Object> column) throws SQLException {
        return connection.createArrayOf(type, batch.stream().map(column).toArray());
    }
}
