package io.tollgate.portal.finance;

import io.tollgate.invoicepdf.InvoicePdf;
import io.tollgate.model.account.Roles;
import io.tollgate.model.export.SpreadsheetCsv;
import io.tollgate.portal.common.PortalException;
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
        return jdbc.sql("select " + InvoiceRows.SUMMARY_COLUMNS + """
                         from invoices i join tenants t on t.id = i.tenant_id
                        where i.period_start >= :from and i.period_start <= :to
                          and (cast(:status as text) is null or i.status = :status)
                        order by i.period_start desc, t.name""")
                .param("from", fromMonth.withDayOfMonth(1)).param("to", toMonth)
                .param("status", status)
                .query(InvoiceRows::summary)
                .list();
    }

    public List<InvoiceLineSummary> lines(UUID invoiceId) {
        return jdbc.sql("select " + InvoiceRows.LINE_COLUMNS
                        + " from invoice_lines where invoice_id = ? order by line_no")
                .param(invoiceId)
                .query(InvoiceRows::line)
                .list();
    }

    /** The invoice as a PDF, the same document billing's API prints. */
    public byte[] pdf(UUID invoiceId) {
        List<InvoiceLineSummary> lines = lines(invoiceId);
        return InvoicePdf.render(jdbc.sql("select " + InvoiceRows.DOCUMENT_COLUMNS
                        + " from invoices i join tenants t on t.id = i.tenant_id where i.id = ?")
                .param(invoiceId)
                .query((rs, row) -> InvoiceRows.document(rs, lines))
                .optional().orElseThrow(() -> PortalException.notFound("Invoice")));
    }

    /** Every listed invoice with its lines, one CSV row per line, for the accounting system. */
    public void exportCsv(List<InvoiceSummary> invoices, Writer out) {
        SpreadsheetCsv csv = SpreadsheetCsv.to(out);
        InvoiceCsv.header(csv);
        for (InvoiceSummary invoice : invoices) {
            InvoiceCsv.rows(csv, invoice, lines(invoice.id()));
        }
        csv.flush();
    }
}
