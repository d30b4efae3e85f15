package io.tollgate.portal.subscriptions;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "subscriptions", layout = MainLayout.class)
@PageTitle("Subscriptions · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class SubscriptionsView extends VerticalLayout {

    SubscriptionsView(SubscriptionService subscriptions) {
        Grid<SubscriptionSummary> grid = new Grid<>();
        grid.addColumn(SubscriptionSummary::appName).setHeader("App").setAutoWidth(true);
        grid.addColumn(SubscriptionSummary::modelName).setHeader("Model").setAutoWidth(true);
        grid.addColumn(SubscriptionSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(s -> s.decisionReason() == null ? "" : s.decisionReason()).setHeader("Reason")
                .setFlexGrow(1);
        grid.addColumn(s -> Ui.time(s.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(s -> Ui.time(s.decidedAt())).setHeader("Decided").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("subscriptions-grid");
        var all = subscriptions.list();
        grid.setItems(all);
        add(new H2("Subscriptions"));
        add(all.isEmpty() ? Ui.emptyState("No subscriptions yet. Open the model catalog and request access for an app.")
                : grid);
    }
}
