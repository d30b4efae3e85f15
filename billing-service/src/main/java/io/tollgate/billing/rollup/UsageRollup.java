package io.tollgate.billing.rollup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds usage_events into usage_daily, incrementally and exactly once per event.
 *
 * <p>Progress is a watermark on {@code ingested_at} (the database's clock at insert), not on {@code occurred_at},
 * so an event that arrives days late is still picked up. A watermark alone would skip an event whose transaction
 * commits after a later one, so the watermark never passes the start of any write transaction still open in this
 * database (pg_stat_activity, same role) nor {@code now - safetyLag}: every event below it is committed and visible.
 * Each step adds its aggregates and moves the watermark in one transaction, under a row lock, so a rerun or a
 * concurrent run finds nothing left to add.
 */
@Service
public class UsageRollup {

    static final String WATERMARK = "usage_daily";
    private static final Duration OPEN_TRANSACTION_PATIENCE = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(UsageRollup.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RollupProperties properties;

    UsageRollup(JdbcClient jdbc, TransactionTemplate transactions, RollupProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Runs steps until the watermark reaches the safe point. */
    public List<RollupResult> catchUp() {
        List<RollupResult> steps = new ArrayList<>();
        RollupResult step;
        do {
            step = step();
            steps.add(step);
        } while (!step.caughtUp());
        return steps;
    }

    /**
     * Catches up through every event ingested before this call, as a month close needs: events still inside the
     * safety lag are waited for (the lag is seconds), and so are write transactions that were open at the call. The
     * wait ends after the lag plus {@link #OPEN_TRANSACTION_PATIENCE}; whatever is still not folded then (a
     * transaction left open for that long) is billed by the next close, as late usage.
     */
    public List<RollupResult> catchUpThroughNow() {
        OffsetDateTime target = jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
        long deadline = System.nanoTime() + properties.safetyLag().plus(OPEN_TRANSACTION_PATIENCE).toNanos();
        List<RollupResult> steps = new ArrayList<>(catchUp());
        while (steps.getLast().to().isBefore(target)) {
            if (System.nanoTime() - deadline > 0) {
                log.warn("The rollup reached {} of {} in time; the rest will be billed as late usage",
                        steps.getLast().to(), target);
                break;
            }
            pause();
            steps.addAll(catchUp());
        }
        return steps;
    }

    private static void pause() {
        try {
            Thread.sleep(CATCH_UP_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rollup to catch up", e);
        }
    }

    public RollupResult step() {
        RollupResult result = transactions.execute(status -> {
            Window window = jdbc.sql(RollupSql.LOCK_AND_BOUND)
                    .param("name", WATERMARK)
                    .param("lagMicros", properties.safetyLag().toNanos() / 1000)
                    .param("windowMicros", properties.maxWindow().toNanos() / 1000)
                    .query((rs, row) -> new Window(rs.getObject("from_ts", OffsetDateTime.class),
                            rs.getObject("to_ts", OffsetDateTime.class), rs.getBoolean("caught_up")))
                    .single();
            if (!window.to().isAfter(window.from())) {
                return new RollupResult(window.from(), window.from(), 0, true);
            }
            jdbc.sql(RollupSql.AGGREGATE_IN_MEMORY).param("workMem", properties.workMem()).query().listOfRows();
            long events = jdbc.sql(RollupSql.FOLD).param("from", window.from()).param("to", window.to())
                    .query(Long.class).single();
            jdbc.sql("update usage_rollup_watermarks set ingested_before = :to, updated_at = now() where name = :name")
                    .param("to", window.to()).param("name", WATERMARK).update();
            return new RollupResult(window.from(), window.to(), events, window.caughtUp());
        });
        return java.util.Objects.requireNonNull(result);
    }

    private record Window(OffsetDateTime from, OffsetDateTime to, boolean caughtUp) {
    }
}
