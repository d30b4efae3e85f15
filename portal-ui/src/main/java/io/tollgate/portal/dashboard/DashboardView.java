package io.tollgate.portal.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.budgets.BudgetService;
import io.tollgate.portal.budgets.BudgetSummary;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.ToLongFunction;

@Route(value = "dashboard", layout = MainLayout.class)
@PageTitle("Dashboard · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class DashboardView extends VerticalLayout {


    DashboardView(DashboardService dashboard, BudgetService budgets) {
        add(new H2("Dashboard"));
        long pending = dashboard.pendingRequests();
        if (pending > 0) {
            Paragraph waiting = new Paragraph(pending + " subscription request(s) wait for an administrator. ");
            waiting.add(new Anchor("subscriptions", "See subscriptions"));
            add(waiting);
        }
        add(new H3("Budgets this period"), budgetList(budgets.list()));
        List<DashboardService.Day> days = dashboard.daily(14);
        FlexLayout charts = new FlexLayout(
                card("Requests, last 14 days", chart(days, DashboardService.Day::requests, "requests")),
                card("Tokens, last 14 days", chart(days, DashboardService.Day::tokens, "tokens")));
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.addClassName(LumoUtility.Gap.MEDIUM);
        charts.setWidthFull();
        FlexLayout tops = new FlexLayout(card("Top models this month", topGrid(dashboard.topModels())),
                card("Top apps this month", topGrid(dashboard.topApps())));
        tops.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tops.addClassName(LumoUtility.Gap.MEDIUM);
        tops.setWidthFull();
        add(charts, tops);
    }

    private static Component budgetList(List<BudgetSummary> all) {
        if (all.isEmpty()) {
            return Ui.emptyState("No budgets yet. Set one on the Budgets page to cap or watch spend.");
        }
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (BudgetSummary budget : all) {
            Div label = new Div(budget.target() + " (" + budget.draft().period() + "): "
                    + MoneyFormat.usd(budget.spentUsd()) + " of $"
                    + budget.draft().amountUsd().stripTrailingZeros().toPlainString() + " (" + budget.percentUsed()
                    + "%)");
            list.add(label, new ProgressBar(0, 100, Math.min(100, budget.percentUsed())));
        }
        return list;
    }

    private static Component topGrid(List<DashboardService.Top> rows) {
        if (rows.isEmpty()) {
            return Ui.emptyState("No traffic this month yet.");
        }
        Grid<DashboardService.Top> grid = new Grid<>();
        grid.addColumn(DashboardService.Top::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        Counts.column(grid, DashboardService.Top::requests).setHeader("Requests").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(top -> MoneyFormat.usd(top.costUsd())).setHeader("Cost").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component chart(List<DashboardService.Day> days, ToLongFunction<DashboardService.Day> value,
                                   String unit) {
        Svg chart = new Svg(DailyChart.svg(days, value, unit));
        chart.getElement().getStyle().set("width", "100%");
        chart.getElement().getClassList().add("daily-chart");
        return chart;
    }

    private static Component card(String title, Component content) {
        VerticalLayout card = new VerticalLayout(new H3(title), content);
        card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM);
        card.getStyle().set("flex", "1 1 20rem").set("min-width", "0");
        return card;
    }
}
