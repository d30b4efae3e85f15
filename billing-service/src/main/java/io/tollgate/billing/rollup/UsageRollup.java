package io.tollgate.billing.rollup;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
