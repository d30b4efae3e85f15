package io.tollgate.portal.invoices;

import io.tollgate.invoicepdf.InvoiceDocument;
import io.tollgate.invoicepdf.InvoicePdf;
import io.tollgate.model.account.Roles;
import io.tollgate.model.export.SpreadsheetCsv;
import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceLine;
import io.tollgate.model.invoice.InvoiceRepository;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.finance.InvoiceCsv;
import io.tollgate.portal.finance.InvoiceLineSummary;
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
 * (finalized, paid or void): a draft is finance's work in progress that billing may still rebuild. The invoices come
 * through the tenant-scoped {@link InvoiceRepository}, whose session is the signed-in user's tenant, so another
 * tenant's invoice id is "not found", like a missing one.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
public class TenantInvoiceService {

    private final InvoiceRepository invoices;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    TenantInvoiceService(InvoiceRepository invoices, JdbcClient jdbc, CurrentUser currentUser) {
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** Newest period first. */
    public List<InvoiceSummary> list() {
        List<Invoice> issued = invoices.findAllIssuedNewestFirst();
        if (issued.isEmpty()) {
            return List.of();
        }
        String tenant = ownTenant().name();
        return issued.stream().map(invoice -> summary(invoice, tenant)).toList();
    }

    public InvoiceSummary get(UUID invoiceId) {
        return summary(issued(invoiceId), ownTenant().name());
    }

    public List<InvoiceLineSummary> lines(UUID invoiceId) {
        return lines(issued(invoiceId));
    }

    /** The invoice's lines as CSV, in the columns of finance's export. */
    public void exportCsv(UUID invoiceId, Writer out) {
        Invoice invoice = issued(invoiceId);
        SpreadsheetCsv csv = SpreadsheetCsv.to(out);
        InvoiceCsv.header(csv);
        InvoiceCsv.rows(csv, summary(invoice, ownTenant().name()), lines(invoice));
        csv.flush();
    }

    /** The invoice as a PDF, the same document billing's API gives finance. */
    public byte[] pdf(UUID invoiceId) {
        Invoice invoice = issued(invoiceId);
        OwnTenant tenant = ownTenant();
        InvoiceSummary summary = summary(invoice, tenant.name());
        return InvoicePdf.render(new InvoiceDocument(summary.number(), tenant.name(), tenant.slug(),
                tenant.billingEmails(), invoice.getPeriodStart(), summary.periodLastDay(), summary.status(),
                invoice.getCurrency(), invoice.getMeteredCostUsd(), invoice.getMarkupPercent(),
                invoice.getSubtotalUsd(), invoice.getTotalUsd(),
                invoice.getLines().stream().map(line -> new InvoiceDocument.Line(line.getLineNo(),
                        line.getDescription(), line.getRequests(), line.getMeteredCostUsd(), line.getAmountUsd()))
                        .toList()));
    }

    private Invoice issued(UUID invoiceId) {
        return invoices.findIssuedById(invoiceId).orElseThrow(() -> PortalException.notFound("Invoice"));
    }

    /** The signed-in member's tenant, as its invoices name it. */
    private OwnTenant ownTenant() {
        return jdbc.sql("""
                        select t.name, t.slug,
                               array(select c.email from tenant_billing_contacts c where c.tenant_id = t.id
                                     order by c.created_at, c.id) as billing_emails
                        from tenants t where t.id = ?""")
                .param(currentUser.tenantId())
                .query((rs, row) -> new OwnTenant(rs.getString("name"), rs.getString("slug"),
                        List.of((String[]) rs.getArray("billing_emails").getArray())))
                .single();
    }

    private record OwnTenant(String name, String slug, List<String> billingEmails) {
    }

    private static InvoiceSummary summary(Invoice invoice, String tenant) {
        return new InvoiceSummary(invoice.getId(), tenant, invoice.getNumber().orElse(null),
                invoice.getPeriodStart(), invoice.getPeriodEnd(), invoice.getStatus().name(),
                invoice.getSubtotalUsd(), invoice.getTotalUsd(), invoice.getFinalizedAt().orElse(null),
                invoice.getPaidAt().orElse(null), invoice.getVoidReason().orElse(null));
    }

    private static List<InvoiceLineSummary> lines(Invoice invoice) {
        return invoice.getLines().stream().map(TenantInvoiceService::line).toList();
    }

    private static InvoiceLineSummary line(InvoiceLine line) {
        return new InvoiceLineSummary(line.getLineNo(), line.getKind().name(), line.getDescription(),
                line.getModel().orElse(null), line.getRequests(), line.getPromptTokens(), line.getCompletionTokens(),
                line.getMeteredCostUsd(), line.getAmountUsd());
    }
}
