package io.tollgate.portal.usage;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.Forms;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Route(value = "usage", layout = MainLayout.class)
@PageTitle("Usage · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class UsageView extends VerticalLayout {

    private final UsageService usage;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<AppSummary> app = new ComboBox<>("App");
    private final ComboBox<KeyOption> key = new ComboBox<>("Key");
    private final TextField model = new TextField("Model");
    private final TextField tag = new TextField("Tag");
    private final Grid<UsageRow> grid = new Grid<>();
    private final Paragraph totals = new Paragraph();
    private final Paragraph empty = Ui.emptyState("No usage in this period. Calls made with your apps' API keys "
            + "show up here within seconds; widen the period or clear a filter.");

    UsageView(UsageService usage, AppService apps) {
        this.usage = usage;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setValue(today.withDayOfMonth(1));
        to.setValue(today);
        app.setItems(apps.list());
        app.setItemLabelGenerator(AppSummary::name);
        app.setClearButtonVisible(true);
        key.setItems(usage.keys());
        key.setItemLabelGenerator(KeyOption::label);
        key.setClearButtonVisible(true);
        key.setId("usage-key");
        model.setValueChangeMode(ValueChangeMode.LAZY);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(from, to, app, key, model, tag)) {
            field.addValueChangeListener(change -> refresh());
        }
        FlexLayout filters = new FlexLayout(from, to, app, key, model, tag);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName(LumoUtility.Gap.MEDIUM);
        grid.addColumn(row -> Ui.time(row.occurredAt())).setHeader("Time").setAutoWidth(true);
        grid.addColumn(UsageRow::app).setHeader("App").setAutoWidth(true);
        grid.addColumn(UsageRow::keyPrefix).setHeader("Key").setAutoWidth(true);
        grid.addColumn(UsageRow::model).setHeader("Model").setAutoWidth(true);
        Counts.column(grid, UsageRow::promptTokens).setHeader("Prompt").setAutoWidth(true);
        Counts.column(grid, UsageRow::completionTokens).setHeader("Completion").setAutoWidth(true);
        grid.addColumn(row -> "$" + row.costUsd().setScale(6, RoundingMode.HALF_UP).toPlainString())
                .setHeader("Cost").setAutoWidth(true);
        grid.addColumn(UsageRow::statusCode).setHeader("Status").setAutoWidth(true);
        grid.addColumn(UsageRow::tags).setHeader("Tags").setAutoWidth(true);
        grid.setId("usage-grid");
        Anchor csv = new Anchor((DownloadHandler) event -> {
            event.setFileName("usage-" + from.getValue() + "-" + to.getValue() + ".csv");
            event.setContentType("text/csv");
            usage.exportCsv(filter(), new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8));
        }, "Export CSV");
        csv.setId("usage-export");
        add(new H2("Usage"), filters, totals, csv, empty, grid);
        refresh();
    }

    private UsageFilter filter() {
        return new UsageFilter(from.getValue(), to.getValue(), app.getValue() == null ? null : app.getValue().id(),
                model.getValue(), key.getValue() == null ? null : key.getValue().id(), tag.getValue());
    }

    private void refresh() {
        if (!Forms.validRange(from, to, "period")) {
            return;
        }
        UsageFilter filter = filter();
        UsageTotals sum = usage.totals(filter);
        totals.setText(sum.requests() + " requests · " + sum.promptTokens() + " prompt and " + sum.completionTokens()
                + " completion tokens · " + MoneyFormat.usd(sum.costUsd())
                + (sum.requests() > UsageService.MAX_ROWS_SHOWN ? " (latest " + UsageService.MAX_ROWS_SHOWN
                + " rows shown; export for all)" : ""));
        var rows = usage.rows(filter);
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
    }
}
