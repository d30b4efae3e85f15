package io.tollgate.billing.stripe;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.invoicing.InvoiceVoided;
import io.tollgate.billing.invoicing.MonthClosed;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gets finalized invoices to Stripe without anyone clicking, when Stripe is configured: right after a month close
 * (its period's invoices), and from the periodic sync job (every finalized invoice a failure left behind). Voided
 * invoices have their Stripe copy voided right after the void commits, and by the sync job if that failed. Each push
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

    private static final String VOIDED_WITH_A_COPY = """
            select id from invoices
            where status = 'VOID' and stripe_invoice_id is not null and stripe_voided_at is null
            order by voided_at, id
            """;

    private final StripeProperties properties;
    private final StripeInvoiceSync sync;
    private final JdbcClient jdbc;

    StripeAutoSync(StripeProperties properties, StripeInvoiceSync sync, JdbcClient jdbc) {
        this.properties = properties;
        this.sync = sync;
        this.jdbc = jdbc;
    }

    /** @param done invoices pushed, or whose Stripe copy was voided */
    public record Result(int done, int failed) {
    }

    @EventListener
    void onMonthClosed(MonthClosed closed) {
        if (properties.enabled()) {
            push(jdbc.sql(UNSYNCED + " and period_start = :start order by number")
                    .param("start", closed.period().atDay(1)).query(UUID.class).list());
        }
    }

    /** Once the void is committed, outside its finished transaction; a failure is left to the sync job. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void onInvoiceVoided(InvoiceVoided voided) {
        if (properties.enabled()) {
            run(List.of(voided.invoiceId()), sync::voidCopy);
        }
    }

    /** Pushes every finalized invoice not yet in Stripe, oldest first, and voids the Stripe copies of voided ones. */
    public Result syncPending() {
        if (!properties.enabled()) {
            return new Result(0, 0);
        }
        Result pushed = push(jdbc.sql(UNSYNCED + " order by finalized_at, id").query(UUID.class).list());
        Result voided = run(jdbc.sql(VOIDED_WITH_A_COPY).query(UUID.class).list(), sync::voidCopy);
        return new Result(pushed.done() + voided.done(), pushed.failed() + voided.failed());
    }

    private Result push(List<UUID> invoiceIds) {
        return run(invoiceIds, invoiceId -> {
            sync.push(invoiceId);
            return true;
        });
    }

    private Result run(List<UUID> invoiceIds, Predicate<UUID> action) {
        int done = 0;
        int failed = 0;
        int failedInARow = 0;
        for (UUID invoiceId : invoiceIds) {
            try {
                if (action.test(invoiceId)) {
                    done++;
                }
                failedInARow = 0;
            } catch (BillingException e) {
                failed++;
                log.warn("Invoice {}: Stripe call failed ({}); the sync job retries it", invoiceId, e.code());
                if (++failedInARow >= STOP_AFTER_FAILURES_IN_A_ROW) {
                    log.warn("Stopping this Stripe sync after {} failures in a row; the next run goes on",
                            failedInARow);
                    break;
                }
            }
        }
        if (!invoiceIds.isEmpty()) {
            log.info("Stripe sync: {} of {} invoices done, {} failed", done, invoiceIds.size(), failed);
        }
        return new Result(done, failed);
    }
}
