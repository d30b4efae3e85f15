package io.tollgate.portal.finance;

import io.tollgate.portal.common.Csv;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Invoices written by billing's month close, with their lines, for platform staff to review and export. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.PLATFORM_FINANCE, Roles.PLATFORM_ADMIN})
public class InvoiceService {

    private final JdbcClient jdbc;

    InvoiceService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Invoices whose period starts in [fromMonth, toMonth], optionally of one status. */
    public List<InvoiceSummary> list(LocalDate fromMonth, LocalDate toMonth, @Nullable String status) {
        if (toMonth.isBefore(fromMonth)) {
            throw new PortalException("The period ends before it starts");
        }
        return jdbc.sql("""
                        select i.id, t.name as tenant, i.number, i.period_start, i.period_end, i.status,
                               i.subtotal_usd, i.total_usd, i.finalized_at, i.paid_at
                        from invoices i join tenants t on t.id = i.tenant_id
                        where i.period_start >= :from and i.period_start <= :to
                          and (cast(:status as text) is null or i.status = :status)
                        order by i.period_start desc, t.name""")
                .param("from", fromMonth.withDayOfMonth(1)).param("to", toMonth)
                .param("status", status)
                .query((rs, n) -> new InvoiceSummary(rs.getObject("id", UUID.class), rs.getString("tenant"),
                        rs.getString("number"), rs.getObject("period_start", LocalDate.class),
                        rs.getObject("period_end", LocalDate.class), rs.getString("status"),
                        rs.getBigDecimal("subtotal_usd"), rs.getBigDecimal("total_usd"),
                        Sql.instant(rs, "finalized_at"), Sql.instant(rs, "paid_at")))
                .list();
    }

    public List<InvoiceLine> lines(UUID invoiceId) {
        return jdbc.sql("""
                        select line_no, kind, description, model, requests, prompt_tokens, completion_tokens,
                               metered_cost_usd, amount_usd
                        from invoice_lines where invoice_id = ? order by line_no""")
                .param(invoiceId)
                .query((rs, n) -> new InvoiceLine(rs.getInt("line_no"), rs.getString("kind"),
                        rs.getString("description"), rs.getString("model"), rs.getLong("requests"),
                        rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
                        rs.getBigDecimal("metered_cost_usd"), rs.getBigDecimal("amount_usd")))
                .list();
    }

    /** Every listed invoice with its lines, one CSV row per line, for the accounting system. */
    public void exportCsv(List<InvoiceSummary> invoices, Writer out) {
        Csv.row(out, "invoice", "tenant", "period_start", "period_end", "status", "line", "kind", "description",
                "model", "requests", "prompt_tokens", "completion_tokens", "metered_usd", "amount_usd",
                "invoice_total_usd");
        for (InvoiceSummary invoice : invoices) {
            for (InvoiceLine line : lines(invoice.id())) {
                Csv.row(out, invoice.label(), invoice.tenant(), invoice.periodStart(), invoice.periodEnd(),
                        invoice.status(), line.lineNo(), line.kind(), line.description(),
                        line.model() == null ? "" : line.model(), line.requests(), line.promptTokens(),
                        line.completionTokens(), line.meteredUsd().toPlainString(),
                        line.amountUsd().toPlainString(), invoice.totalUsd().toPlainString());
            }
        }
        Csv.flush(out);
    }
}
