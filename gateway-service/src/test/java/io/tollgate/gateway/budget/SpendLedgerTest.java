package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.Snapshots;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The replica's spend: its own costs at once, the database's on each read, no cost lost or doubled in between. */
class SpendLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID APP = UUID.randomUUID();
    private static final ModelEntry MODEL = new ModelEntry(UUID.randomUUID(), "gpt-x", "GPT X", Set.of(), 1000, NOW);
    private static final BudgetEntry APP_BUDGET = new BudgetEntry(UUID.randomUUID(), TENANT, APP, null, null,
            BudgetEntry.Period.MONTH, new BigDecimal("1"), BudgetEntry.Action.BLOCK, null);
    private static final BudgetEntry OTHER_MODEL_BUDGET = new BudgetEntry(UUID.randomUUID(), TENANT, APP,
            UUID.randomUUID(), "other", BudgetEntry.Period.DAY, new BigDecimal("1"), BudgetEntry.Action.BLOCK, null);
    private static final SpendKey KEY = SpendKey.of(APP_BUDGET, NOW);

    private final SpendLedger ledger = new SpendLedger(Snapshots.holding(new ConfigSnapshot(NOW, Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(MODEL.name(), MODEL), Map.of(), Map.of(), Map.of(),
            Map.of(TENANT, List.of(APP_BUDGET, OTHER_MODEL_BUDGET)), LimitSettings.none())));

    @Test
    void a_queued_cost_counts_at_once_on_the_budgets_that_cover_it() {
        ledger.queued(event("0.25"));

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.25");
        assertThat(ledger.spent(SpendKey.of(OTHER_MODEL_BUDGET, NOW))).isZero();
        assertThat(ledger.spent(new SpendKey(APP_BUDGET.id(), KEY.periodStart().minusMonths(1)))).isZero();
    }

    @Test
    void a_committed_cost_counts_until_a_read_replaces_it_and_a_read_without_it_keeps_it_local() throws Exception {
        var event = event("0.25");
        ledger.queued(event);
        ledger.refresh(() -> Map.of(KEY, BigDecimal.ZERO), Set.of(KEY));
        assertThat(ledger.spent(KEY)).as("not committed, so not in the read").isEqualByComparingTo("0.25");

        commit(event, true);
        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.25");
        ledger.refresh(() -> Map.of(KEY, new BigDecimal("0.25")), Set.of(KEY));

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.25");
    }

    @Test
    void a_batch_that_failed_to_commit_still_counts_locally() throws Exception {
        var event = event("0.25");
        ledger.queued(event);
        commit(event, false);
        ledger.refresh(() -> Map.of(KEY, BigDecimal.ZERO), Set.of(KEY));

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.25");
    }

    @Test
    void a_read_waits_for_a_commit_in_progress_so_it_never_sees_a_batch_still_counted_locally() throws Exception {
        var event = event("0.25");
        ledger.queued(event);
        var read = new CountDownLatch(1);
        ledger.beforeCommit();
        var reader = Thread.ofPlatform().start(() -> {
            try {
                ledger.refresh(() -> {
                    read.countDown();
                    return Map.of(KEY, new BigDecimal("0.25"));
                }, Set.of(KEY));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(read.await(200, TimeUnit.MILLISECONDS)).as("no read during the commit").isFalse();
        ledger.afterCommit(List.of(event), true);
        reader.join(5_000);

        assertThat(read.getCount()).isZero();
        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.25");
    }

    @Test
    void other_replicas_costs_arrive_with_the_read_and_add_to_this_ones() throws Exception {
        ledger.queued(event("0.25"));
        ledger.refresh(() -> Map.of(KEY, new BigDecimal("0.5")), Set.of(KEY));

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.75");
    }

    @Test
    void an_event_given_up_no_longer_counts_and_spooled_ones_still_do() throws Exception {
        var dropped = event("0.25");
        var spooled = event("0.125");
        ledger.queued(dropped);
        ledger.queued(spooled);
        ledger.dropped(dropped);
        ledger.refresh(() -> Map.of(KEY, BigDecimal.ZERO), Set.of(KEY));

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.125");
    }

    @Test
    void a_batch_settles_the_sum_of_its_costs_and_leaves_the_uncommitted_ones_local() throws Exception {
        var batch = List.of(event("0.000000001"), event("0.1"), event("0.0000000375"), event("0.25"));
        var later = event("0.5");
        batch.forEach(ledger::queued);
        ledger.queued(later);
        ledger.beforeCommit();
        ledger.afterCommit(batch, true);

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.8500000385");
        ledger.refresh(() -> Map.of(KEY, new BigDecimal("0.3500000385")), Set.of(KEY));
        assertThat(ledger.spent(KEY)).as("the read holds the batch; the later cost is still counted here")
                .isEqualByComparingTo("0.8500000385");
    }

    @Test
    void costs_queued_by_many_threads_at_once_on_one_budget_all_count() throws Exception {
        int threads = 4;
        int each = 5_000;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var together = new CyclicBarrier(threads);
            List<Future<?>> queuing = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                queuing.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < each; i++) {
                        ledger.queued(event("0.000000001"));
                    }
                    return null;
                }));
            }
            for (var done : queuing) {
                done.get();
            }
        }

        assertThat(ledger.spent(KEY)).isEqualByComparingTo("0.000020000");
    }

    @Test
    void a_past_periods_spend_is_forgotten_once_settled_and_a_late_cost_on_it_counts_from_zero() throws Exception {
        Instant lastMonth = NOW.minus(Duration.ofDays(31));
        SpendKey past = SpendKey.of(APP_BUDGET, lastMonth);
        var settled = event("0.25", lastMonth);
        ledger.queued(settled);
        commit(settled, true);
        ledger.refresh(() -> Map.of(past, new BigDecimal("0.25")), Set.of(KEY));
        assertThat(ledger.knownKeys()).as("nothing local left on it, and not a current period").doesNotContain(past);

        ledger.queued(event("0.5", lastMonth));

        assertThat(ledger.knownKeys()).contains(past);
        assertThat(ledger.spent(past)).isEqualByComparingTo("0.5");
    }

    private void commit(UsageEvent event, boolean committed) {
        ledger.beforeCommit();
        ledger.afterCommit(List.of(event), committed);
    }

    private static UsageEvent event(String cost) {
        return event(cost, NOW);
    }

    private static UsageEvent event(String cost, Instant at) {
        return new UsageEvent(UUID.randomUUID(), at, TENANT, APP, UUID.randomUUID(), "CHAT", MODEL.name(), MODEL.name(),
                null, null, null, null, 1, 1, 0, 0, false, new BigDecimal(cost), 1, null, 200, null, false, "");
    }
}
