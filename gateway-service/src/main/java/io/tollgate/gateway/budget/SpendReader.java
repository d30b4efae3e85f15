package io.tollgate.gateway.budget;

import io.tollgate.gateway.server.BackgroundLoop;
import io.tollgate.gateway.snapshot.ChangeListener;
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
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the spend of every budget's current period (and of any period this replica still holds local costs for)
 * from {@code budget_spend} on its own thread: how every replica learns what the others spent. Every statement that
 * changes {@code budget_spend} sends NOTIFY {@value #CHANNEL} (delivered on commit), which the configuration listener
 * hears on its connection and passes on ({@link ChangeListener}), as it does every snapshot it loads (the first one,
 * new or changed budgets, the one after the database was away). The reader reads then, at most once per
 * {@link BudgetProperties#spendReadInterval()}, and once a minute as a safety net; in between it is parked, so an
 * idle gateway makes no query (it read once a second before). While PostgreSQL is unreachable the last values stay,
 * and local costs keep adding.
 */
@Component
class SpendReader extends BackgroundLoop implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(SpendReader.class);
    static final String CHANNEL = "tollgate_spend";
    private static final Duration UNPROMPTED_READ = Duration.ofMinutes(1);
    private static final String READ = """
            select s.budget_id, s.period_start, s.spent_usd
            from budget_spend s join unnest(?::uuid[], ?::date[]) as k(budget_id, period_start)
                on s.budget_id = k.budget_id and s.period_start = k.period_start""";

    private final SpendLedger ledger;
    private final SnapshotHolder snapshots;
    private final DataSource dataSource;
    private final BudgetProperties properties;
    private final Clock clock;
    private boolean failing;

    SpendReader(SpendLedger ledger, SnapshotHolder snapshots, DataSource dataSource, BudgetProperties properties,
                Clock clock) {
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
            readOnce();
            try {
                Thread.sleep(properties.spendReadInterval());
            } catch (InterruptedException e) {
                return;
            }
            // until a change was passed on (now, if one came while reading or sleeping) or a stop interrupts
            LockSupport.parkNanos(this, UNPROMPTED_READ.toNanos());
        }
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void changed() {
        wake();
    }

    private void readOnce() {
        Set<SpendKey> current = currentKeys();
        Set<SpendKey> keys = new HashSet<>(current);
        keys.addAll(ledger.knownKeys());
        if (keys.isEmpty()) {
            return;
        }
        try {
            ledger.refresh(() -> read(keys), current);
            if (failing) {
                log.info("Budget spend is read from PostgreSQL again");
            }
            failing = false;
        } catch (SQLException e) {
            if (!failing) {
                log.warn("Cannot read budget spend, keeping the last values and this replica's own costs: {}",
                        e.getMessage());
            }
            failing = true;
        }
    }

    private Set<SpendKey> currentKeys() {
        Instant now = clock.instant();
        return snapshots.current().map(snapshot -> snapshot.budgetsByTenant().values().stream()
                        .flatMap(budgets -> budgets.stream().map(budget -> SpendKey.of(budget, now)))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    private Map<SpendKey, BigDecimal> read(Set<SpendKey> keys) throws SQLException {
        Map<SpendKey, BigDecimal> values = new HashMap<>();
        keys.forEach(key -> values.put(key, BigDecimal.ZERO));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(READ)) {
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
