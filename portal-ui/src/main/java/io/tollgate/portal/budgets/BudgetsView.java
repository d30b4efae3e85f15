package io.tollgate.portal.budgets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.catalog.CatalogService;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Route(value = "budgets", layout = MainLayout.class)
@PageTitle("Budgets · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class BudgetsView extends VerticalLayout {

    private final BudgetService budgets;
    private final AppService apps;
    private final CatalogService catalog;
    private final boolean mayEdit;
    private final Grid<BudgetSummary> grid = new Grid<>();
    private final VerticalLayout empty = new VerticalLayout(Ui.emptyState(
            "No budgets yet. Add one so spend is capped or at least alerted on."));

    BudgetsView(BudgetService budgets, AppService apps, CatalogService catalog, CurrentUser currentUser) {
        this.budgets = budgets;
        this.apps = apps;
        this.catalog = catalog;
        this.mayEdit = currentUser.require().hasRole(Roles.TENANT_ADMIN)
                || currentUser.require().hasRole(Roles.TENANT_BILLING);
        grid.addColumn(BudgetSummary::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(b -> b.draft().period()).setHeader("Period").setAutoWidth(true);
        grid.addColumn(b -> MoneyFormat.usd(b.spentUsd()) + " of $"
                + b.draft().amountUsd().stripTrailingZeros().toPlainString()).setHeader("Spent").setAutoWidth(true);
        grid.addComponentColumn(b -> new ProgressBar(0, 100, Math.min(100, b.percentUsed()))).setHeader("Used");
        grid.addColumn(b -> b.draft().thresholds() + " %").setHeader("Alerts").setAutoWidth(true);
        grid.addColumn(b -> b.draft().action()).setHeader("At 100 %").setAutoWidth(true);
        if (mayEdit) {
            grid.addComponentColumn(this::actions).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("budgets-grid");
        Button create = new Button("New budget", click -> edit(null, BudgetDraft.empty()));
        create.setId("new-budget");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(mayEdit);
        add(new HorizontalLayout(new H2("Budgets"), create), empty, grid);
        refresh();
    }

    private HorizontalLayout actions(BudgetSummary budget) {
        Button edit = new Button("Edit", click -> edit(budget, budget.draft()));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button delete = new Button("Delete", click -> Ui.confirm("Delete this budget?",
                budget.target() + " is no longer capped by it.", "Delete", () -> {
                    budgets.delete(budget.id());
                    refresh();
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(@Nullable BudgetSummary budget, BudgetDraft draft) {
        Map<UUID, String> appNames = new LinkedHashMap<>();
        apps.list().stream().filter(AppSummary::active).forEach(app -> appNames.put(app.id(), app.name()));
        Map<UUID, String> modelNames = new LinkedHashMap<>();
        catalog.activeModels().forEach(model -> modelNames.put(model.id(), model.name()));
        BudgetForm form = new BudgetForm(draft, appNames, modelNames);
        Dialog dialog = Ui.dialog(budget == null ? "New budget" : "Edit budget", form);
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            if (budget == null) {
                budgets.create(save.draft());
            } else {
                budgets.update(budget.id(), budget.version(), save.draft());
            }
            dialog.close();
            Ui.success("Budget saved");
            refresh();
        });
    }

    private void refresh() {
        var all = budgets.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
