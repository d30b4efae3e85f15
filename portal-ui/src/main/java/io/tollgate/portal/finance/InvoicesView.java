package io.tollgate.portal.finance;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Forms;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Route(value = "finance/invoices", layout = MainLayout.class)
@PageTitle("Invoices · Tollgate")
@RolesAllowed({Roles.PLATFORM_FINANCE, Roles.PLATFORM_ADMIN})
class InvoicesView extends VerticalLayout {

    private static final String ANY_STATUS = "Any status";

    private final InvoiceService invoices;
    private final DatePicker from = new DatePicker("Periods from");
    private final DatePicker to = new DatePicker("to");
    private final Select<String> status = new Select<>();
    private final InvoicesGrid grid = new InvoicesGrid(true, this::showLines);
    private final Paragraph empty = Ui.emptyState("No invoices for these periods. Billing writes them when it closes "
            + "a month; pick earlier periods or another status.");
    private final @Nullable InvoiceActionButtons actionButtons;

    InvoicesView(InvoiceService invoices, InvoiceActions actions, CurrentUser currentUser, Clock clock) {
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
        add(new H2("Invoices"));
        actionButtons = currentUser.require().hasRole(Roles.PLATFORM_FINANCE) ? financeActions(actions, clock) : null;
        add(filters, csv, empty, grid);
        refresh();
    }

    /**
     * Month close and the invoice buttons, offered only while billing answers (they are its API); the push to Stripe
     * only when billing has Stripe configured.
     */
    private @Nullable InvoiceActionButtons financeActions(InvoiceActions actions, Clock clock) {
        boolean stripeEnabled;
        try {
            stripeEnabled = actions.stripeEnabled();
        } catch (PortalException unreachable) {
            Paragraph notice = new Paragraph("Closing months and finalizing, voiding or pushing invoices is "
                    + "unavailable: " + unreachable.getMessage());
            notice.setId("billing-unavailable");
            notice.addClassNames(LumoUtility.TextColor.ERROR);
            add(notice);
            return null;
        }
        Button closeMonth = new Button("Close a month…", click -> new MonthCloseDialog(actions, clock, stripeEnabled,
                this::refresh).open());
        closeMonth.setId("close-month");
        closeMonth.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(closeMonth);
        InvoiceActionButtons buttons = new InvoiceActionButtons(actions, stripeEnabled, this::refresh);
        grid.addComponentColumn(buttons::buttonsFor).setHeader("Actions").setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
        return buttons;
    }

    private List<InvoiceSummary> list() {
        return invoices.list(from.getValue(), to.getValue(), ANY_STATUS.equals(status.getValue()) ? null
                : status.getValue());
    }

    private void refresh() {
        if (!Forms.validRange(from, to, "range")) {
            return;
        }
        List<InvoiceSummary> rows = list();
        if (actionButtons != null) {
            actionButtons.listed(rows);
        }
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }

    private void showLines(InvoiceSummary invoice) {
        String fileName = "invoice-" + (invoice.number() == null ? invoice.id() : invoice.number());
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName(fileName + ".csv");
            event.setContentType("text/csv");
            invoices.exportCsv(List.of(invoice),
                    new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Export CSV");
        Anchor pdf = InvoicesGrid.pdfDownload("finance-invoice-pdf", fileName + ".pdf",
                () -> invoices.pdf(invoice.id()));
        InvoicesGrid.openLines(invoice.label() + " · " + invoice.tenant() + " · " + invoice.status(), invoice,
                invoices.lines(invoice.id()), csv, pdf);
    }
}
