package io.tollgate.portal.catalog;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.model.subscription.SubscriptionStatus;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.subscriptions.SubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;

@Route(value = "catalog", layout = MainLayout.class)
@PageTitle("Model catalog · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class CatalogView extends VerticalLayout {

    private final AppService apps;
    private final SubscriptionService subscriptions;

    CatalogView(CatalogService catalog, AppService apps, SubscriptionService subscriptions, CurrentUser currentUser) {
        this.apps = apps;
        this.subscriptions = subscriptions;
        boolean mayRequest = currentUser.require().hasRole(Roles.TENANT_ADMIN)
                || currentUser.require().hasRole(Roles.TENANT_DEVELOPER);
        Grid<CatalogModel> grid = new Grid<>();
        grid.addColumn(CatalogModel::name).setHeader("Model").setAutoWidth(true);
        grid.addColumn(CatalogModel::description).setHeader("Description").setFlexGrow(1);
        Counts.column(grid, CatalogModel::contextWindow).setHeader("Context").setAutoWidth(true);
        grid.addColumn(model -> String.join(", ", model.capabilities())).setHeader("Capabilities").setAutoWidth(true);
        grid.addColumn(model -> usd(model.inputPerMillion()) + " / " + usd(model.outputPerMillion()))
                .setHeader("Input / output per 1M tokens").setAutoWidth(true);
        grid.addColumn(model -> model.requiresApproval() ? "Needs approval" : "Instant").setHeader("Access")
                .setAutoWidth(true);
        if (mayRequest) {
            grid.addComponentColumn(model -> {
                Button request = new Button("Request access", click -> openRequest(model));
                request.addThemeVariants(ButtonVariant.LUMO_SMALL);
                request.addClassName("request-" + model.name().replaceAll("[^A-Za-z0-9-]", "-"));
                return request;
            }).setAutoWidth(true).setFrozenToEnd(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("catalog-grid");
        var models = catalog.activeModels();
        add(new H2("Model catalog"));
        add(models.isEmpty() ? Ui.emptyState("No models are offered yet. A platform administrator adds them.") : grid);
        grid.setItems(models);
    }

    private void openRequest(CatalogModel model) {
        ComboBox<AppSummary> app = new ComboBox<>("App");
        app.setItems(apps.list().stream().filter(AppSummary::active).toList());
        app.setItemLabelGenerator(AppSummary::name);
        app.setRequired(true);
        app.setId("request-app");
        TextArea justification = new TextArea("Why does this app need " + model.name() + "?");
        justification.setId("request-justification");
        justification.setRequired(model.requiresApproval());
        justification.setMaxLength(2000);
        Button submit = new Button(model.requiresApproval() ? "Send request" : "Subscribe");
        submit.setId("request-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("Request " + model.name(), new VerticalLayout(app, justification, submit));
        submit.addClickListener(click -> {
            app.setInvalid(app.isEmpty());
            app.setErrorMessage("Pick an app (create one on the Apps page first)");
            boolean justified = !model.requiresApproval() || !justification.getValue().isBlank();
            justification.setInvalid(!justified);
            justification.setErrorMessage("Explain the use so an administrator can approve it");
            if (app.isEmpty() || !justified) {
                return;
            }
            SubscriptionStatus status = SubscriptionStatus.valueOf(
                    subscriptions.request(app.getValue().id(), model.id(), justification.getValue()).status());
            dialog.close();
            Ui.success(status == SubscriptionStatus.APPROVED ? "Subscribed: the app may use " + model.name() + " now"
                    : "Request sent; an administrator will review it");
        });
    }

    private static String usd(BigDecimal amount) {
        return amount == null ? "—" : "$" + amount.stripTrailingZeros().toPlainString();
    }
}
