package io.tollgate.billing.invoicing;

import io.tollgate.billing.markup.Markups;
import io.tollgate.model.tenancy.PlatformScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds one tenant's invoice for one month in its own transaction: the usage no live invoice has billed, as
 * USAGE lines for the month and ADJUSTMENT lines for earlier months (late events), then the markup or discount
 * line. A finalized invoice is never touched; a draft is rebuilt from scratch. The transaction is a platform scope,
 * so the invoice it finalizes is the entity, in the same transaction as the SQL that wrote it; month close calls it
 * from its workers, outside any transaction, so each tenant's scope is a transaction of its own.
 */
@Component
class TenantMonthClose {

    enum Outcome { CREATED, REBUILT, UNCHANGED, NOTHING_TO_BILL }

    private final JdbcClient jdbc;
    private final InvoiceWriter writer;
    private final InvoiceLifecycle lifecycle;
    private final Markups markups;
    private final PlatformScope platform;
    private final Clock clock;

    TenantMonthClose(JdbcClient jdbc, InvoiceWriter writer, InvoiceLifecycle lifecycle, Markups markups,
                     PlatformScope platform, Clock clock) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.lifecycle = lifecycle;
        this.markups = markups;
        this.platform = platform;
        this.clock = clock;
    }

    Outcome close(UUID tenantId, LocalDate periodStart, boolean finalizeInvoice) {
        return platform.call("month close " + YearMonth.from(periodStart) + " of tenant " + tenantId,
                () -> closeInScope(tenantId, periodStart, finalizeInvoice));
    }

    private Outcome closeInScope(UUID tenantId, LocalDate periodStart, boolean finalizeInvoice) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('month-close:' || :tenant, 0))")
                .param("tenant", tenantId.toString()).query().listOfRows();
        Optional<LiveInvoice> live = jdbc.sql("""
                        select id, status from invoices
                        where tenant_id = :tenant and period_start = :start and status <> 'VOID'""")
                .param("tenant", tenantId).param("start", periodStart)
                .query((rs, row) -> new LiveInvoice(rs.getObject("id", UUID.class), rs.getString("status")))
                .optional();
        if (live.isPresent() && !live.get().status().equals("DRAFT")) {
            return Outcome.UNCHANGED;
        }
        live.ifPresent(draft -> writer.clear(draft.id()));
        List<UnbilledUsage> unbilled = jdbc.sql(UnbilledUsage.FOR_TENANT)
                .param("tenant", tenantId).param("periodEnd", periodStart.plusMonths(1))
                .query(UnbilledUsage.class).list();
        if (unbilled.isEmpty()) {
            live.ifPresent(draft -> writer.delete(draft.id()));
            return Outcome.NOTHING_TO_BILL;
        }
        BigDecimal markup = markups.of(tenantId).effectivePercent();
        UUID invoiceId = live.map(LiveInvoice::id).orElseGet(UUID::randomUUID);
        writer.write(invoiceId, tenantId, periodStart, markup, unbilled, live.isPresent(), clock.instant());
        if (finalizeInvoice) {
            lifecycle.issue(invoiceId);
        }
        return live.isPresent() ? Outcome.REBUILT : Outcome.CREATED;
    }

    private record LiveInvoice(UUID id, String status) {
    }
}
