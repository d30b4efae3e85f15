package io.tollgate.billing.invoicing;

import io.tollgate.billing.rollup.UsageRollup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Closes a month: first the rollup catches up through every event ingested before the close started (whoever
 * started it, the job or finance over the API), then one invoice per tenant with unbilled usage up to the month's
 * end, each tenant in its own transaction so one failure does not hold back the others, several tenants at once.
 * Invoice numbers stay gap-free and sequential: a number is taken last in a tenant's transaction, under the year's
 * row lock, together with the finalization time. Rerunning changes nothing once invoices are finalized; usage that
 * arrives later is billed as an adjustment on the next month's invoice. A close that finalizes publishes
 * {@link MonthClosed}.
 */
@Service
public class MonthClose {

    private static final Logger log = LoggerFactory.getLogger(MonthClose.class);

    private final JdbcClient jdbc;
    private final TenantMonthClose tenantClose;
    private final UsageRollup rollup;
    private final ApplicationEventPublisher events;
    private final InvoicingProperties properties;
    private final Clock clock;

    MonthClose(JdbcClient jdbc, TenantMonthClose tenantClose, UsageRollup rollup, ApplicationEventPublisher events,
               InvoicingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tenantClose = tenantClose;
        this.rollup = rollup;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    public record Result(YearMonth period, int created, int rebuilt, int unchanged, int failed) {
    }

    /** The month before the clock's current UTC month, as the scheduled close on the 1st sees it. */
    public YearMonth previousMonth() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
    }

    public Result close(YearMonth period, boolean finalizeInvoices) {
        if (!period.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw io.tollgate.billing.error.BillingException.invalid(
                    "Month " + period + " has not ended yet; only past months can be closed");
        }
        rollup.catchUpThroughNow();
        LocalDate start = period.atDay(1);
        List<UUID> tenants = jdbc.sql(UnbilledUsage.CANDIDATE_TENANTS)
                .param("periodStart", start).param("periodEnd", start.plusMonths(1))
                .query(UUID.class).list();
        Map<TenantMonthClose.Outcome, Integer> counts = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, properties.closeParallelism()))) {
            for (UUID tenant : tenants) {
                workers.execute(() -> {
                    try {
                        counts.merge(tenantClose.close(tenant, start, finalizeInvoices), 1, Integer::sum);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        log.error("Month close {} failed for tenant {}; the other tenants went on", period, tenant, e);
                    }
                });
            }
        }
        Result result = new Result(period, counts.getOrDefault(TenantMonthClose.Outcome.CREATED, 0),
                counts.getOrDefault(TenantMonthClose.Outcome.REBUILT, 0),
                counts.getOrDefault(TenantMonthClose.Outcome.UNCHANGED, 0), failed.get());
        log.info("Month close {}: {}", period, result);
        if (finalizeInvoices) {
            events.publishEvent(new MonthClosed(period));
        }
        return result;
    }
}
