package io.tollgate.billing.stripe;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.invoicing.MonthClosed;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gets finalized invoices to Stripe without anyone clicking, when Stripe is configured: right after a month close
 * (its period's invoices), and from the periodic sync job (every finalized invoice a failure left behind). Each push
 * is {@link StripeInvoiceSync#push}, which resumes where a failed one stopped and never bills twice. A run stops
 * after a few failures in a row: Stripe is likely down, and the next run tries again.
 */
@Service
public class StripeAutoSync {

    static final int STOP_AFTER_FAILURES_IN_A_ROW = 3;

    private static final Logger log = LoggerFactory.getLogger(StripeAutoSync.class);

    private static final String UNSYNCED = """
            select id from invoices
            where status = 'FINALIZED' and stripe_finalized_at is null
            """;

    private final StripeProperties properties;
    private final StripeInvoiceSync sync;
    private final JdbcClient jdbc;

    StripeAutoSync(StripeProperties properties, StripeInvoiceSync sync, JdbcClient jdbc) {
        this.properties = properties;
        this.sync = sync;
        this.jdbc = jdbc;
    }

    public record Result(int pushed, int failed) {
    }

    @EventListener
    void onMonthClosed(MonthClosed closed) {
        if (properties.enabled()) {
            push(jdbc.sql(UNSYNCED + " and period_start = :start order by number")
                    .param("start", closed.period().atDay(1)).query(UUID.class).list());
        }
    }

    /** Pushes every finalized invoice not yet in Stripe, oldest first. */
    public Result syncPending() {
        if (!properties.enabled()) {
            return new Result(0, 0);
        }
        return push(jdbc.sql(UNSYNCED + " order by finalized_at, id").query(UUID.class).list());
    }

    private Result push(List<UUID> invoiceIds) {
        int pushed = 0;
        int failed = 0;
        int failedInARow = 0;
        for (UUID invoiceId : invoiceIds) {
            try {
                sync.push(invoiceId);
                pushed++;
                failedInARow = 0;
            } catch (BillingException e) {
                failed++;
                log.warn("Invoice {} did not reach Stripe ({}); the sync job retries it", invoiceId, e.code());
                if (++failedInARow >= STOP_AFTER_FAILURES_IN_A_ROW) {
                    log.warn("Stopping this Stripe sync after {} failures in a row; {} invoices left for the next run",
                            failedInARow, invoiceIds.size() - pushed - failed);
                    break;
                }
            }
        }
        if (!invoiceIds.isEmpty()) {
            log.info("Stripe sync: {} of {} invoices pushed, {} failed", pushed, invoiceIds.size(), failed);
        }
        return new Result(pushed, failed);
    }
}
