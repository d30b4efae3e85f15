package io.tollgate.portal.finance;

import com.vaadin.flow.component.HasValue;
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
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.Forms;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Route(value = "finance/chargebacks", layout = MainLayout.class)
@PageTitle("Chargebacks · Tollgate")
@RolesAllowed({Roles.PLATFORM_FINANCE, Roles.PLATFORM_ADMIN})
class ChargebacksView extends VerticalLayout {

    private final ChargebackService chargebacks;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<ChargebackQuery.Dimension> by = new Select<>();
    private final Grid<ChargebackRow> grid = new Grid<>();
    private final Paragraph empty = Ui.emptyState("No metered usage in this period. Billing rolls the gateway's "
            + "usage up every few minutes; pick another period or check back later.");
    private final Grid.Column<ChargebackRow> nameColumn;
    private final Grid.Column<ChargebackRow> meteredColumn;
    private final Grid.Column<ChargebackRow> chargedColumn;

    ChargebacksView(ChargebackService chargebacks, Clock clock) {
        this.chargebacks = chargebacks;
        LocalDate today = LocalDate.now(clock);
        from.setValue(today.withDayOfMonth(1));
        to.setValue(today);
        from.setId("chargeback-from");
        to.setId("chargeback-to");
        by.setLabel("Break down by");
        by.setItems(ChargebackQuery.Dimension.values());
        by.setItemLabelGenerator(ChargebackQuery.Dimension::label);
        by.setValue(ChargebackQuery.Dimension.TENANT);
        by.setId("chargeback-by");
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(from, to, by)) {
            field.addValueChangeListener(change -> refresh());
        }
        nameColumn = grid.addColumn(ChargebackRow::name).setAutoWidth(true).setFlexGrow(1);
        Counts.column(grid, ChargebackRow::requests).setHeader("Requests").setAutoWidth(true).setFlexGrow(0);
        Counts.column(grid, ChargebackRow::promptTokens).setHeader("Prompt tokens").setAutoWidth(true).setFlexGrow(0);
        Counts.column(grid, ChargebackRow::completionTokens).setHeader("Completion tokens").setAutoWidth(true)
                .setFlexGrow(0);
        meteredColumn = grid.addColumn(row -> MoneyFormat.usd(row.meteredUsd())).setHeader("Metered").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        chargedColumn = grid.addColumn(row -> MoneyFormat.usd(row.chargedUsd())).setHeader("Charged").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.setId("chargebacks-grid");
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("chargebacks-" + by.getValue().name().toLowerCase() + "-" + from.getValue() + "-"
                    + to.getValue() + ".csv");
            event.setContentType("text/csv");
            chargebacks.exportCsv(query(), new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Export CSV");
        csv.setId("chargebacks-export");
        FlexLayout filters = new FlexLayout(from, to, by);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName(LumoUtility.Gap.MEDIUM);
        add(new H2("Chargebacks"), filters, csv, empty, grid);
        refresh();
    }

    private ChargebackQuery query() {
        return new ChargebackQuery(from.getValue(), to.getValue(), by.getValue());
    }

    private void refresh() {
        if (!Forms.validRange(from, to, "period")) {
            return;
        }
        List<ChargebackRow> rows = chargebacks.report(query());
        ChargebackRow total = ChargebackService.total(rows);
        nameColumn.setHeader(by.getValue().label()).setFooter("Total");
        meteredColumn.setFooter(MoneyFormat.usd(total.meteredUsd()));
        chargedColumn.setFooter(MoneyFormat.usd(total.chargedUsd()));
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }
}
