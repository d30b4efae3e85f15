package io.tollgate.portal.admin.approvals;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

@Route(value = "admin/approvals", layout = MainLayout.class)
@PageTitle("Approvals · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class ApprovalsView extends VerticalLayout {

    private final ApprovalService approvals;
    private final Grid<PendingRequest> grid = new Grid<>();
    private final VerticalLayout empty = new VerticalLayout(
            Ui.emptyState("No pending requests. New subscription requests from tenants appear here."));

    ApprovalsView(ApprovalService approvals) {
        this.approvals = approvals;
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(PendingRequest::tenantName).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(PendingRequest::appName).setHeader("App").setAutoWidth(true);
        grid.addColumn(PendingRequest::modelName).setHeader("Model").setAutoWidth(true);
        grid.addColumn(PendingRequest::justification).setHeader("Justification").setFlexGrow(1);
        grid.addColumn(r -> MoneyFormat.usd(r.tenantSpendThisMonth()))
                .setHeader("Tenant spend this month").setAutoWidth(true);
        grid.addColumn(r -> Ui.time(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("approvals-grid");
        Button approve = new Button("Approve selected…", click -> openApprove(selected()));
        approve.setId("approve-selected");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject selected…", click -> openReject(selected()));
        reject.setId("reject-selected");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new H2("Approvals"), new HorizontalLayout(approve, reject), empty, grid);
        refresh();
    }

    private List<UUID> selected() {
        List<UUID> ids = grid.getSelectedItems().stream().map(PendingRequest::id).toList();
        if (ids.isEmpty()) {
            Ui.success("Select one or more requests first");
        }
        return ids;
    }

    private HorizontalLayout rowActions(PendingRequest request) {
        Button approve = new Button("Approve…", click -> openApprove(List.of(request.id())));
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approve.addClassName("approve-" + request.id());
        Button reject = new Button("Reject…", click -> openReject(List.of(request.id())));
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        reject.addClassName("reject-" + request.id());
        return new HorizontalLayout(approve, reject);
    }

    private void openApprove(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ApprovalForm form = new ApprovalForm();
        Dialog dialog = Ui.dialog("Approve " + ids.size() + " request(s)", form);
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            approvals.approve(ids, save.terms());
            dialog.close();
            Ui.success("Approved " + ids.size());
            refresh();
        });
    }

    private void openReject(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        TextField reason = new TextField("Reason shown to the tenant");
        reason.setRequired(true);
        reason.setWidthFull();
        Button confirm = new Button("Reject");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("Reject " + ids.size() + " request(s)", new VerticalLayout(reason, confirm));
        confirm.addClickListener(click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Give the tenant a reason");
                return;
            }
            approvals.reject(ids, reason.getValue());
            dialog.close();
            refresh();
        });
    }

    private void refresh() {
        var pending = approvals.pending();
        grid.deselectAll();
        grid.setItems(pending);
        grid.setVisible(!pending.isEmpty());
        empty.setVisible(pending.isEmpty());
    }
}
