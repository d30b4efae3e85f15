package io.tollgate.portal.invoices;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.billingcontact.BillingContactService;
import io.tollgate.portal.billingcontact.BillingContactsSection;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.finance.InvoiceSummary;
import io.tollgate.portal.finance.InvoicesGrid;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Route(value = "invoices", layout = MainLayout.class)
@PageTitle("Invoices · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
class TenantInvoicesView extends VerticalLayout {

    private final TenantInvoiceService invoices;

    TenantInvoicesView(TenantInvoiceService invoices, BillingContactService contacts) {
        this.invoices = invoices;
        var grid = new InvoicesGrid(false, this::showLines);
        grid.setId("tenant-invoices-grid");
        Paragraph empty = Ui.emptyState("No invoices yet. Billing issues one after each month closes; this month's "
                + "usage so far is on the Usage page.");
        List<InvoiceSummary> rows = invoices.list();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        add(new H2("Invoices"), empty, grid, new BillingContactsSection(contacts));
    }

    private void showLines(InvoiceSummary invoice) {
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("invoice-" + invoice.label() + ".csv");
            event.setContentType("text/csv");
            invoices.exportCsv(invoice.id(), new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Download CSV");
        csv.setId("invoice-csv");
        Anchor pdf = InvoicesGrid.pdfDownload("invoice-pdf", "invoice-" + invoice.label() + ".pdf",
                () -> invoices.pdf(invoice.id()));
        InvoicesGrid.openLines(invoice.label() + " · " + invoice.status(), invoice, invoices.lines(invoice.id()), csv,
                pdf);
    }
}
