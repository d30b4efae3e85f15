package io.tollgate.portal.admin.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/subscriptions", layout = MainLayout.class)
@PageTitle("Approved subscriptions · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class ApprovedSubscriptionsView extends VerticalLayout {

    private final ApprovalService approvals;
    private final TextField search = new TextField();
    private final Grid<ApprovedSubscription> grid = new Grid<>();
    private final Paragraph empty = Ui.emptyState("No approved subscriptions match. Approve requests in the "
            + "Approvals queue; they are listed here, where access can be revoked.");

    ApprovedSubscriptionsView(ApprovalService approvals) {
        this.approvals = approvals;
        search.setPlaceholder("Filter by tenant, app or model");
        search.setWidth("min(24rem, 100%)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("approved-search");
        search.addValueChangeListener(change -> refresh());
        grid.addColumn(ApprovedSubscription::tenantName).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(ApprovedSubscription::appName).setHeader("App").setAutoWidth(true);
        grid.addColumn(ApprovedSubscription::modelName).setHeader("Model").setAutoWidth(true);
        grid.addColumn(subscription -> Ui.time(subscription.approvedAt())).setHeader("Approved").setAutoWidth(true);
        grid.addComponentColumn(subscription -> {
            Button revoke = new Button("Revoke…", click -> openRevoke(subscription));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.addClassName("revoke-" + subscription.id());
            return revoke;
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("approved-grid");
        add(new H2("Approved subscriptions"), search, empty, grid);
        refresh();
    }

    private void openRevoke(ApprovedSubscription subscription) {
        TextField reason = new TextField("Reason shown to the tenant");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setId("revoke-reason");
        Button confirm = new Button("Revoke access");
        confirm.setId("revoke-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("Revoke " + subscription.appName() + " → " + subscription.modelName() + "?",
                new VerticalLayout(new Paragraph("The gateway refuses this app's calls to this model within seconds. "
                        + "The tenant can request access again."), reason, confirm));
        confirm.addClickListener(click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Give the tenant a reason");
                return;
            }
            approvals.revoke(subscription.id(), reason.getValue());
            dialog.close();
            Ui.success("Access revoked");
            refresh();
        });
    }

    private void refresh() {
        var approved = approvals.approved(search.getValue());
        grid.setItems(approved);
        grid.setVisible(!approved.isEmpty());
        empty.setVisible(approved.isEmpty());
    }
}
