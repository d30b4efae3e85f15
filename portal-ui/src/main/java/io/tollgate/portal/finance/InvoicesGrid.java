package io.tollgate.portal.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Invoices with a "Lines" button each, as finance (every tenant) and a tenant's own members see them. */
public class InvoicesGrid extends Grid<InvoiceSummary> {

    public InvoicesGrid(boolean withTenant, Consumer<InvoiceSummary> showLines) {
        addColumn(InvoiceSummary::label).setHeader("Invoice").setAutoWidth(true).setFlexGrow(0);
        if (withTenant) {
            addColumn(InvoiceSummary::tenant).setHeader("Tenant").setAutoWidth(true).setFlexGrow(1);
        }
        addColumn(invoice -> invoice.periodStart() + " – " + invoice.periodLastDay())
                .setHeader("Period").setAutoWidth(true).setFlexGrow(withTenant ? 0 : 1);
        addColumn(InvoiceSummary::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        addColumn(invoice -> MoneyFormat.usd(invoice.totalUsd())).setHeader("Total").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        // kept in view at the grid's end: a button reached by scrolling the grid sideways can miss a click
        addComponentColumn(invoice -> {
            Button lines = new Button("Lines", click -> showLines.accept(invoice));
            lines.addThemeVariants(ButtonVariant.LUMO_SMALL);
            lines.addClassName("invoice-lines");
            lines.setId("invoice-lines-" + invoice.id());
            return lines;
        }).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        setAllRowsVisible(true);
    }

    /** A download of the invoice's PDF, rendered when it is clicked. */
    public static Anchor pdfDownload(String id, String fileName, Supplier<byte[]> pdf) {
        Anchor download = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName);
            event.setContentType("application/pdf");
            event.getOutputStream().write(pdf.get());
        }, "Download PDF");
        download.setId(id);
        return download;
    }

    /** Opens an invoice's lines in a dialog, with its downloads (CSV, PDF). */
    public static void openLines(String title, InvoiceSummary invoice, List<InvoiceLineSummary> lines,
                                 Anchor... downloads) {
        var content = new VerticalLayout();
        if (invoice.voidReason() != null) {
            Paragraph voided = new Paragraph("Voided: " + invoice.voidReason());
            voided.setId("invoice-voided-reason");
            voided.addClassNames(LumoUtility.TextColor.ERROR);
            content.add(voided);
        }
        content.add(new InvoiceLinesGrid(lines, invoice.totalUsd()), new HorizontalLayout(downloads));
        var dialog = Ui.dialog(title, content);
        dialog.setWidth("min(60rem, 95vw)");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
    }
}
