package io.tollgate.gateway.budget;

import io.tollgate.gateway.server.BackgroundLoop;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.ListeningConnection;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the spend of every budget's current period (and of any period this replica still holds local costs for)
 * from {@code budget_spend} on its own thread and connection: how every replica learns what the others spent. Every
 * statement that changes {@code budget_spend} sends NOTIFY {@value #CHANNEL} (delivered on commit), and the reader
 * reads on it, at most once per {@link BudgetProperties#spendReadInterval()}; also when the configuration snapshot
 * is replaced (the first one at start-up, new or changed budgets), and once a minute as a safety net. An idle
 * gateway makes no query (it read once a second before).
 * While PostgreSQL is unreachable the last values stay, local costs keep adding, and the reader reconnects each
 * interval; every new connection starts with a read, which covers what was sent while it was down.
 */
@Component
class SpendReader extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(SpendReader.class);
    static final String CHANNEL = "tollgate_spend";
    private static final Duration UNPROMPTED_READ = Duration.ofMinutes(1);
    private static final long SNAPSHOT_CHECK_MILLIS = 1000;
    private static final String READ = """
            select s.budget_id, s.period_start, s.spent_usd
            from budget_spend s join unnest(?::uuid[], ?::date[]) as k(budget_id, period_start)
                on s.budget_id = k.budget_id and s.period_start = k.period_start""";

    private final SpendLedger ledger;
    private final SnapshotHolder snapshots;
    private final DataSourceProperties dataSource;
    private final BudgetProperties properties;
    private final Clock clock;
    private boolean failing;
    private volatile @Nullable ListeningConnection listening;

    SpendReader(SpendLedger ledger, SnapshotHolder snapshots, DataSourceProperties dataSource,
                BudgetProperties properties, Clock clock) {
        super("tollgate-budget-spend");
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void run() {
        while (isRunning()) {
            try (var connection = ListeningConnection.open(dataSource, CHANNEL)) {
                listening = connection;
                while (isRunning()) {
                    var readWith = snapshots.current().orElse(null);
                    long readAt = System.nanoTime();
                    readOnce(connection.connection());
                    Thread.sleep(properties.spendReadInterval());
                    awaitReason(connection, readWith, readAt);
                }
            } catch (SQLException | RuntimeException e) {
                if (!isRunning()) {
                    return;
                }
                if (!failing) {
                    log.warn("Cannot read budget spend, keeping the last values and this replica's own costs: {}",
                            e.getMessage());
                }
                failing = true;
                try {
                    Thread.sleep(properties.spendReadInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Waits for a reason to read again: a notification, a new configuration snapshot (the first one, or budgets
     * added or changed: their keys are read with it), or a minute without either. The snapshot is compared in
     * memory once a second, which costs next to nothing; the query is what an idle gateway no longer runs.
     */
    private void awaitReason(ListeningConnection connection, @Nullable ConfigSnapshot readWith, long readAt)
            throws SQLException {
        while (isRunning() && System.nanoTime() - readAt < UNPROMPTED_READ.toNanos()) {
            if (connection.await(SNAPSHOT_CHECK_MILLIS) || snapshots.current().orElse(null) != readWith) {
                return;
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

    private void readOnce(Connection connection) throws SQLException {
        Set<SpendKey> current = currentKeys();
        Set<SpendKey> keys = new HashSet<>(current);
        keys.addAll(ledger.knownKeys());
        if (keys.isEmpty()) {
            return;
        }
        ledger.refresh(() -> read(connection, keys), current);
        if (failing) {
            log.info("Budget spend is read from PostgreSQL again");
        }
        failing = false;
    }

    private Set<SpendKey> currentKeys() {
        Instant now = clock.instant();
        return snapshots.current().map(snapshot -> snapshot.budgetsByTenant().values().stream()
                        .flatMap(budgets -> budgets.stream().map(budget -> SpendKey.of(budget, now)))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private static Map<SpendKey, BigDecimal> read(Connection connection, Set<SpendKey> keys) throws SQLException {
        Map<SpendKey, BigDecimal> values = new HashMap<>();
        keys.forEach(key -> values.put(key, BigDecimal.ZERO));
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setArray(1, connection.createArrayOf("text", keys.stream().map(k -> k.budgetId().toString()).toArray()));
            statement.setArray(2, connection.createArrayOf("text", keys.stream().map(k -> k.periodStart().toString()).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(new SpendKey(rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class)),
                            rows.getBigDecimal(3));
                }
            }
        }
        return values;
    }

}
