package io.tollgate.gateway.budget;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.metering.UsageListener;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * This replica's view of every budget's spend, with no database call on the request path: what PostgreSQL held at
 * the last periodic read, plus this replica's own costs that the read cannot contain yet. An event's cost counts
 * locally from the moment it is queued; once its batch is committed it counts until the next read replaces the
 * stored value. A read never overlaps a batch's commit and its bookkeeping (the commit holds the shared side of a
 * lock, the read the exclusive side, both on background threads), so every read either sees a batch and finds it
 * settled, or does not and finds it still local: no cost is ever missing, none counted twice. Events waiting in the
 * journal during a database outage keep counting locally.
 *
 * <p>Each key's spend changes by compare-and-set, not under a lock: every event loop adds to the same keys (a busy
 * tenant's), and one that the operating system paused while it held a key's lock stalled the others for 10 ms and
 * more (docs/benchmarks.md). A key of a past period is retired once nothing local is left on it; whoever finds it
 * retired adds to a fresh one.
 */
@Component
public class SpendLedger implements UsageListener {

    private final SnapshotHolder snapshots;
    private final Map<SpendKey, AtomicReference<KeySpend>> spend = new ConcurrentHashMap<>();
    private final Map<UUID, Contribution> unstored = new ConcurrentHashMap<>();
    private final ReadWriteLock commitsVersusReads = new ReentrantReadWriteLock();

    public SpendLedger(SnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    private record Contribution(List<SpendKey> keys, BigDecimal amount) {
    }

    /**
     * @param stored   the value of the last read
     * @param unstored costs queued here and not committed yet
     * @param settled  costs committed since the last read
     */
    private record KeySpend(BigDecimal stored, BigDecimal unstored, BigDecimal settled) {

        static final KeySpend ZERO = new KeySpend(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        /** A key's spend that left the map: nothing is added to it any more. */
        static final KeySpend RETIRED = new KeySpend(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        BigDecimal total() {
            return stored.add(unstored).add(settled);
        }

        KeySpend queued(BigDecimal amount) {
            return new KeySpend(stored, unstored.add(amount), settled);
        }

        KeySpend dropped(BigDecimal amount) {
            return new KeySpend(stored, unstored.subtract(amount), settled);
        }

        KeySpend committed(BigDecimal amount) {
            return new KeySpend(stored, unstored.subtract(amount), settled.add(amount));
        }

        KeySpend read(BigDecimal value) {
            return new KeySpend(value, unstored, BigDecimal.ZERO);
        }

        boolean idle() {
            return unstored.signum() == 0 && settled.signum() == 0;
        }
    }

    /** The budget's spend in the period as this replica knows it. */
    /** The first of the budgets with this action that has reached its amount in the period of {@code at}. */
    @Nullable BudgetEntry firstReached(List<BudgetEntry> budgets, BudgetEntry.Action action, Instant at) {
        for (BudgetEntry budget : budgets) {
            if (budget.action() == action && spent(SpendKey.of(budget, at)).compareTo(budget.amountUsd()) >= 0) {
                return budget;
            }
        }
        return null;
    }

    BigDecimal spent(SpendKey key) {
        var known = spend.get(key);
        return known == null ? BigDecimal.ZERO : known.get().total();
    }

    @Override
    public void queued(UsageEvent event) {
        if (event.costUsd().signum() <= 0 || event.servedModel() == null) {
            return;
        }
        var snapshot = snapshots.current();
        if (snapshot.isEmpty()) {
            return;
        }
        UUID modelId = snapshot.get().model(event.servedModel()).map(ModelEntry::id).orElse(null);
        var budgets = CoveringBudgets.of(snapshot.get(), event.tenantId(), event.appId(), modelId);
        if (budgets.isEmpty()) {
            return;
        }
        var keys = new ArrayList<SpendKey>(budgets.size());
        for (BudgetEntry budget : budgets) {
            keys.add(SpendKey.of(budget, event.occurredAt()));
        }
        unstored.put(event.id(), new Contribution(keys, event.costUsd()));
        keys.forEach(key -> change(key, known -> known.queued(event.costUsd())));
    }

    @Override
    public void beforeCommit() {
        commitsVersusReads.readLock().lock();
    }

    @Override
    public void afterCommit(List<UsageEvent> batch, boolean committed) {
        try {
            if (committed) {
                // summed per key first: one change per key, not one per event, on keys the event loops change too
                Map<SpendKey, BigDecimal> settled = new HashMap<>();
                for (UsageEvent event : batch) {
                    var contribution = unstored.remove(event.id());
                    if (contribution != null) {
                        contribution.keys().forEach(key -> settled.merge(key, contribution.amount(), BigDecimal::add));
                    }
                }
                settled.forEach((key, amount) -> changeIfPresent(key, known -> known.committed(amount)));
            }
        } finally {
            commitsVersusReads.readLock().unlock();
        }
    }

    @Override
    public void dropped(UsageEvent event) {
        var contribution = unstored.remove(event.id());
        if (contribution != null) {
            contribution.keys().forEach(key -> changeIfPresent(key, known -> known.dropped(contribution.amount())));
        }
    }

    /** Changes a key's spend, starting from zero when the key is new (or was retired meanwhile). */
    private void change(SpendKey key, UnaryOperator<KeySpend> change) {
        while (true) {
            var known = spend.get(key);
            if (known == null) {
                known = spend.computeIfAbsent(key, k -> new AtomicReference<>(KeySpend.ZERO));
            }
            if (changed(known, change)) {
                return;
            }
        }
    }

    /** Changes a key's spend if it is known. */
    private void changeIfPresent(SpendKey key, UnaryOperator<KeySpend> change) {
        var known = spend.get(key);
        if (known != null) {
            changed(known, change);
        }
    }

    /** Whether the change was made: not if the spend was retired. */
    private static boolean changed(AtomicReference<KeySpend> spend, UnaryOperator<KeySpend> change) {
        while (true) {
            KeySpend before = spend.get();
            if (before == KeySpend.RETIRED) {
                return false;
            }
            if (spend.compareAndSet(before, change.apply(before))) {
                return true;
            }
        }
    }

    /** Retires a spend with nothing local left on it; whether it was. */
    private static boolean retire(AtomicReference<KeySpend> spend) {
        KeySpend now = spend.get();
        return now.idle() && spend.compareAndSet(now, KeySpend.RETIRED);
    }

    Set<SpendKey> knownKeys() {
        return Set.copyOf(spend.keySet());
    }

    /** Reads the stored spend with no commit in between; the read returns a value for every key it was asked. */
    interface Read {
        Map<SpendKey, BigDecimal> values() throws SQLException;
    }

    /** Runs the read and applies it; keys outside {@code current} periods are forgotten once nothing local is left. */
    void refresh(Read read, Set<SpendKey> current) throws SQLException {
        commitsVersusReads.writeLock().lock();
        try {
            read.values().forEach((key, value) -> change(key, known -> known.read(value)));
        } finally {
            commitsVersusReads.writeLock().unlock();
        }
        for (SpendKey key : spend.keySet()) {
            if (!current.contains(key)) {
                spend.computeIfPresent(key, (k, known) -> retire(known) ? null : known);
            }
        }
    }
}
