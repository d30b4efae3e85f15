package io.tollgate.portal.finance;

import io.tollgate.invoicepdf.InvoiceDocument;
import io.tollgate.portal.common.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How finance's screens read invoices and their lines across tenants, with SQL; each query adds its own scope. The
 * summary and document columns expect {@code invoices i join tenants t}. A tenant's own invoices are entities
 * ({@code TenantInvoiceService}).
 */
public final class InvoiceRows {

    public static final String SUMMARY_COLUMNS = """
            i.id, t.name as tenant, i.number, i.period_start, i.period_end, i.status, i.subtotal_usd, i.total_usd,
            i.finalized_at, i.paid_at, i.void_reason""";
    public static final String LINE_COLUMNS = """
            line_no, kind, description, model, requests, prompt_tokens, completion_tokens, metered_cost_usd,
            amount_usd""";

    public static final String DOCUMENT_COLUMNS = SUMMARY_COLUMNS
            + ", t.slug, i.currency, i.metered_cost_usd, i.markup_percent, array(select c.email from "
            + "tenant_billing_contacts c where c.tenant_id = t.id order by c.created_at, c.id) as billing_emails";

    private InvoiceRows() {
    }

    public static InvoiceSummary summary(ResultSet rs, int row) throws SQLException {
        return new InvoiceSummary(rs.getObject("id", UUID.class), rs.getString("tenant"), rs.getString("number"),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getString("status"), rs.getBigDecimal("subtotal_usd"), rs.getBigDecimal("total_usd"),
                Sql.instant(rs, "finalized_at"), Sql.instant(rs, "paid_at"), rs.getString("void_reason"));
    }

    public static InvoiceLineSummary line(ResultSet rs, int row) throws SQLException {
        return new InvoiceLineSummary(rs.getInt("line_no"), rs.getString("kind"), rs.getString("description"),
                rs.getString("model"), rs.getLong("requests"), rs.getLong("prompt_tokens"),
                rs.getLong("completion_tokens"), rs.getBigDecimal("metered_cost_usd"), rs.getBigDecimal("amount_usd"));
    }

    /** The invoice as its PDF shows it, from a row of {@link #DOCUMENT_COLUMNS} and the invoice's lines. */
    public static InvoiceDocument document(ResultSet rs, List<InvoiceLineSummary> lines) throws SQLException {
        InvoiceSummary invoice = summary(rs, 0);
        return new InvoiceDocument(invoice.number(), invoice.tenant(), rs.getString("slug"),
                List.of((String[]) rs.getArray("billing_emails").getArray()), invoice.periodStart(),
                invoice.periodLastDay(), invoice.status(), rs.getString("currency"),
                rs.getBigDecimal("metered_cost_usd"), rs.getBigDecimal("markup_percent"), invoice.subtotalUsd(),
                invoice.totalUsd(),
                lines.stream().map(line -> new InvoiceDocument.Line(line.lineNo(), line.description(),
                        line.requests(), line.meteredUsd(), line.amountUsd())).toList());
    }
}
