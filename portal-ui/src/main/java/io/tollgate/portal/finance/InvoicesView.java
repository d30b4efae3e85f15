package io.tollgate.portal.finance;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.common.Money;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Route(value = "finance/invoices", layout = MainLayout.class)
@PageTitle("Invoices · Tollgate")
@RolesAllowed({Roles.PLATFORM_FINANCE, Roles.PLATFORM_ADMIN})
class InvoicesView extends VerticalLayout {

    private static final String ANY_STATUS = "Any status";

    private final InvoiceService invoices;
    private final DatePicker from = new DatePicker("Periods from");
    private final DatePicker to = new DatePicker("to");
    private final Select<String> status = new Select<>();
    private final Grid<InvoiceSummary> grid = new Grid<>();
    private final Paragraph empty = Ui.emptyState("No invoices for these periods. Billing writes them when it closes "
            + "a month; pick earlier periods or another status.");

    InvoicesView(InvoiceService invoices, Clock clock) {
        this.invoices = invoices;
        LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
        from.setValue(thisMonth.minusMonths(3));
        to.setValue(thisMonth);
        status.setLabel("Status");
        status.setItems(ANY_STATUS, "DRAFT", "FINALIZED", "PAID", "VOID");
        status.setValue(ANY_STATUS);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(from, to, status)) {
            field.addValueChangeListener(change -> refresh());
        }
        grid.addColumn(InvoiceSummary::label).setHeader("Invoice").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InvoiceSummary::tenant).setHeader("Tenant").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(invoice -> invoice.periodStart() + " – " + invoice.periodEnd().minusDays(1))
                .setHeader("Period").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InvoiceSummary::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(invoice -> Money.usd(invoice.totalUsd())).setHeader("Total").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(invoice -> {
            Button lines = new Button("Lines", click -> showLines(invoice));
            lines.addThemeVariants(ButtonVariant.LUMO_SMALL);
            lines.addClassName("invoice-lines");
            return lines;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setId("invoices-grid");
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("invoices-" + from.getValue() + "-" + to.getValue() + ".csv");
            event.setContentType("text/csv");
            invoices.exportCsv(list(), new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Export CSV (invoices with their lines)");
        csv.setId("invoices-export");
        FlexLayout filters = new FlexLayout(from, to, status);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName(LumoUtility.Gap.MEDIUM);
        add(new H2("Invoices"), filters, csv, empty, grid);
        refresh();
    }

    private List<InvoiceSummary> list() {
        return invoices.list(from.getValue(), to.getValue(), ANY_STATUS.equals(status.getValue()) ? null
                : status.getValue());
    }

    private void refresh() {
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        if (to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage("The range ends before it starts");
            return;
        }
        to.setInvalid(false);
        List<InvoiceSummary> rows = list();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    private void showLines(InvoiceSummary invoice) {
        var lines = new InvoiceLinesGrid(invoices.lines(invoice.id()), invoice.totalUsd());
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("invoice-" + (invoice.number() == null ? invoice.id() : invoice.number()) + ".csv");
            event.setContentType("text/csv");
            invoices.exportCsv(List.of(invoice),
                    new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Export CSV");
        var dialog = Ui.dialog(invoice.label() + " · " + invoice.tenant() + " · " + invoice.status(),
                new VerticalLayout(lines, csv));
        dialog.setWidth("min(60rem, 95vw)");
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
    }
}
