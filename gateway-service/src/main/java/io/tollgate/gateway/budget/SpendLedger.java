package io.tollgate.gateway.budget;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.metering.UsageListener;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * This replica's view of every budget's spend, with no database call on the request path: what PostgreSQL held at
 * the last periodic read, plus this replica's own costs that the read may not contain yet. An event's cost counts
 * locally from the moment it is queued; once its batch is committed it stays counted until a read that started
 * after the commit has replaced the stored value (a read that started earlier may not see it). Events waiting in
 * the spool during a database outage keep counting locally.
 */
@Component
public class SpendLedger implements UsageListener {

    private final SnapshotHolder snapshots;
    private final Map<SpendKey, KeySpend> spend = new ConcurrentHashMap<>();
    private final Map<UUID, Contribution> unstored = new ConcurrentHashMap<>();
    private final AtomicLong readEpoch = new AtomicLong();

    public SpendLedger(SnapshotHolder snapshots) {
        this.snapshots = snapshots;
    }

    private record Contribution(List<SpendKey> keys, BigDecimal amount) {
    }

    /** Committed amounts not yet known to be in the stored value: those committed during read {@code epoch} or later. */
    private record Settled(long epoch, BigDecimal amount) {
    }

    private record KeySpend(BigDecimal stored, BigDecimal unstored, List<Settled> settled) {

        static final KeySpend ZERO = new KeySpend(BigDecimal.ZERO, BigDecimal.ZERO, List.of());

        BigDecimal total() {
            BigDecimal total = stored.add(unstored);
            for (Settled s : settled) {
                total = total.add(s.amount());
            }
            return total;
        }

        KeySpend queued(BigDecimal amount) {
            return new KeySpend(stored, unstored.add(amount), settled);
        }

        KeySpend dropped(BigDecimal amount) {
            return new KeySpend(stored, unstored.subtract(amount), settled);
        }

        KeySpend committed(BigDecimal amount, long epoch) {
            var more = new ArrayList<>(settled);
            more.add(new Settled(epoch, amount));
            return new KeySpend(stored, unstored.subtract(amount), List.copyOf(more));
        }

        KeySpend read(BigDecimal value, long epoch) {
            return new KeySpend(value, unstored, settled.stream().filter(s -> s.epoch() >= epoch).toList());
        }

        boolean idle() {
            return unstored.signum() == 0 && settled.isEmpty();
        }
    }

    /** The budget's spend in the period as this replica knows it. */
    BigDecimal spent(SpendKey key) {
        KeySpend known = spend.get(key);
        return known == null ? BigDecimal.ZERO : known.total();
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
        var keys = CoveringBudgets.of(snapshot.get(), event.tenantId(), event.appId(), modelId).stream()
                .map(budget -> SpendKey.of(budget, event.occurredAt())).toList();
        if (keys.isEmpty()) {
            return;
        }
        unstored.put(event.id(), new Contribution(keys, event.costUsd()));
        keys.forEach(key -> spend.compute(key, (k, known) -> (known == null ? KeySpend.ZERO : known).queued(event.costUsd())));
    }

    @Override
    public void stored(List<UsageEvent> batch) {
        long epoch = readEpoch.get();
        for (UsageEvent event : batch) {
            var contribution = unstored.remove(event.id());
            if (contribution != null) {
                contribution.keys().forEach(key -> spend.computeIfPresent(key,
                        (k, known) -> known.committed(contribution.amount(), epoch)));
            }
        }
    }

    @Override
    public void dropped(UsageEvent event) {
        var contribution = unstored.remove(event.id());
        if (contribution != null) {
            contribution.keys().forEach(key -> spend.computeIfPresent(key, (k, known) -> known.dropped(contribution.amount())));
        }
    }

    /** Called before each read of budget_spend; the read's epoch. */
    long beginRead() {
        return readEpoch.incrementAndGet();
    }

    Set<SpendKey> knownKeys() {
        return Set.copyOf(spend.keySet());
    }

    /**
     * The values a read that began at {@code epoch} found, for every key it asked for (0 when there is no row);
     * keys outside {@code current} periods are forgotten once nothing local is left on them.
     */
    void read(long epoch, Map<SpendKey, BigDecimal> values, Set<SpendKey> current) {
        values.forEach((key, value) -> spend.compute(key, (k, known) -> (known == null ? KeySpend.ZERO : known).read(value, epoch)));
        for (SpendKey key : spend.keySet()) {
            if (!current.contains(key)) {
                spend.computeIfPresent(key, (k, known) -> known.idle() ? null : known);
            }
        }
    }
}
