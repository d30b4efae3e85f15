package io.tollgate.portal.invoices;

import io.tollgate.invoicepdf.InvoicePdf;
import io.tollgate.model.account.Roles;
import io.tollgate.model.export.SpreadsheetCsv;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.finance.InvoiceCsv;
import io.tollgate.portal.finance.InvoiceLineSummary;
import io.tollgate.portal.finance.InvoiceRows;
import io.tollgate.portal.finance.InvoiceSummary;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoices of the signed-in member's own tenant, for its ADMIN and BILLING members. Only issued invoices
 * (finalized, paid or void): a draft is finance's work in progress that billing may still rebuild. Every query is
 * scoped by the tenant of the signed-in user, so another tenant's invoice id is "not found", like a missing one.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
public class TenantInvoiceService {

    private static final String OWN_ISSUED = """
             from invoices i join tenants t on t.id = i.tenant_id
            where i.tenant_id = :tenant and i.status <> 'DRAFT'
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    TenantInvoiceService(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Newest period first. */
    public List<InvoiceSummary> list() {
        return jdbc.sql("select " + InvoiceRows.SUMMARY_COLUMNS + OWN_ISSUED + " order by i.period_start desc")
                .param("tenant", currentUser.tenantId())
                .query(InvoiceRows::summary)
                .list();
    }

    public InvoiceSummary get(UUID invoiceId) {
        return jdbc.sql("select " + InvoiceRows.SUMMARY_COLUMNS + OWN_ISSUED + " and i.id = :id")
                .param("tenant", currentUser.tenantId()).param("id", invoiceId)
                .query(InvoiceRows::summary)
                .optional().orElseThrow(() -> PortalException.notFound("Invoice"));
    }

    public List<InvoiceLineSummary> lines(UUID invoiceId) {
        return linesOf(get(invoiceId).id());
    }

    /** The invoice's lines as CSV, in the columns of finance's export. */
    public void exportCsv(UUID invoiceId, Writer out) {
        InvoiceSummary invoice = get(invoiceId);
        SpreadsheetCsv csv = SpreadsheetCsv.to(out);
        InvoiceCsv.header(csv);
        InvoiceCsv.rows(csv, invoice, linesOf(invoice.id()));
        csv.flush();
    }

    /** The invoice as a PDF, the same document billing's API gives finance. */
    public byte[] pdf(UUID invoiceId) {
        List<InvoiceLineSummary> lines = linesOf(invoiceId);
        return InvoicePdf.render(jdbc.sql("select " + InvoiceRows.DOCUMENT_COLUMNS + OWN_ISSUED + " and i.id = :id")
                .param("tenant", currentUser.tenantId()).param("id", invoiceId)
                .query((rs, row) -> InvoiceRows.document(rs, lines))
                .optional().orElseThrow(() -> PortalException.notFound("Invoice")));
    }

    /** Scoped by tenant but not by status: callers look the invoice up as an issued one too. */
    private List<InvoiceLineSummary> linesOf(UUID invoiceId) {
        return jdbc.sql("select " + InvoiceRows.LINE_COLUMNS
                        + " from invoice_lines where invoice_id = ? and tenant_id = ? order by line_no")
                .params(invoiceId, currentUser.tenantId())
                .query(InvoiceRows::line)
                .list();
    }
}
