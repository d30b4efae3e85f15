package io.tollgate.billing.jobs;

import io.tollgate.billing.alerts.BudgetAlertDispatcher;
import io.tollgate.billing.invoicing.MonthClose;
import io.tollgate.billing.rollup.UsageRollup;
import io.tollgate.billing.stripe.StripeAutoSync;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The scheduled work of billing; each job runs on one replica at a time through {@link JobRunner}. */
@Component
@ConditionalOnProperty(name = "tollgate.billing.jobs.enabled", havingValue = "true", matchIfMissing = true)
class BillingJobs {

    static final String ROLLUP = "usage-rollup";
    static final String MONTH_CLOSE = "month-close";
    static final String ALERTS = "budget-alerts";
    static final String PARTITIONS = "usage-partitions";
    static final String STRIPE_SYNC = "stripe-sync";

    private final JobRunner runner;
    private final UsageRollup rollup;
    private final MonthClose monthClose;
    private final BudgetAlertDispatcher alerts;
    private final StripeAutoSync stripe;
    private final JdbcClient jdbc;
    private final Clock clock;

    BillingJobs(JobRunner runner, UsageRollup rollup, MonthClose monthClose, BudgetAlertDispatcher alerts,
                StripeAutoSync stripe, JdbcClient jdbc, Clock clock) {
        this.runner = runner;
        this.rollup = rollup;
        this.monthClose = monthClose;
        this.alerts = alerts;
        this.stripe = stripe;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tollgate.billing.rollup.interval:60s}", initialDelayString = "10s")
    void rollUp() {
        runner.run(ROLLUP, rollup::catchUp);
    }

    /** Early on the 1st (UTC), after the last rollup of the month had time to run. */
    @Scheduled(cron = "${tollgate.billing.invoicing.close-cron:0 30 0 1 * *}", zone = "UTC")
    void closePreviousMonth() {
        runner.run(MONTH_CLOSE, () -> monthClose.close(monthClose.previousMonth(), true));
    }

    @Scheduled(fixedDelayString = "${tollgate.billing.alerts.interval:30s}", initialDelayString = "15s")
    void sendBudgetAlerts() {
        runner.run(ALERTS, alerts::dispatchDue);
    }

    /** Finalized invoices a failed push left behind; does nothing without STRIPE_API_KEY. */
    @Scheduled(fixedDelayString = "${tollgate.billing.stripe.sync-interval:10m}", initialDelayString = "60s")
    void syncStripe() {
        runner.run(STRIPE_SYNC, stripe::syncPending);
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "5s")
    void ensureUsagePartitions() {
        LocalDate lastMonth = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        runner.run(PARTITIONS, () -> jdbc.sql("select usage_events_ensure_partitions(:first, 4)")
                .param("first", lastMonth).query(Integer.class).single());
    }
}
