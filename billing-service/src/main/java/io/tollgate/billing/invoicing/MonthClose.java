package io.tollgate.billing.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Closes a month: one invoice per tenant with unbilled usage up to the month's end, each tenant in its own
 * transaction so one failure does not hold back the others. Rerunning changes nothing once invoices are
 * finalized; usage that arrives later is billed as an adjustment on the next month's invoice. A close that
 * finalizes publishes {@link MonthClosed}.
 */
@Service
public class MonthClose {

    private static final Logger log = LoggerFactory.getLogger(MonthClose.class);

    private final JdbcClient jdbc;
    private final TenantMonthClose tenantClose;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MonthClose(JdbcClient jdbc, TenantMonthClose tenantClose, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenantClose = tenantClose;
        this.events = events;
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
        LocalDate start = period.atDay(1);
        List<UUID> tenants = jdbc.sql(UnbilledUsage.CANDIDATE_TENANTS)
                .param("periodStart", start).param("periodEnd", start.plusMonths(1))
                .query(UUID.class).list();
        Map<TenantMonthClose.Outcome, Integer> counts = new EnumMap<>(TenantMonthClose.Outcome.class);
        int failed = 0;
        for (UUID tenant : tenants) {
            try {
                counts.merge(tenantClose.close(tenant, start, finalizeInvoices), 1, Integer::sum);
            } catch (RuntimeException e) {
                failed++;
                log.error("Month close {} failed for tenant {}; the other tenants went on", period, tenant, e);
            }
        }
        Result result = new Result(period, counts.getOrDefault(TenantMonthClose.Outcome.CREATED, 0),
                counts.getOrDefault(TenantMonthClose.Outcome.REBUILT, 0),
                counts.getOrDefault(TenantMonthClose.Outcome.UNCHANGED, 0), failed);
        log.info("Month close {}: {}", period, result);
        if (finalizeInvoices) {
            events.publishEvent(new MonthClosed(period));
        }
        return result;
    }
}
