package io.tollgate.portal.admin.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/plans", layout = MainLayout.class)
@PageTitle("Plans · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class PlansView extends VerticalLayout {

    private static final String UNLIMITED = "unlimited";

    private final PlanAdminService plans;
    private final Grid<PlanAdminService.PlanRow> grid = new Grid<>();

    PlansView(PlanAdminService plans) {
        this.plans = plans;
        grid.addColumn(PlanAdminService.PlanRow::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(p -> p.draft().name()).setHeader("Name").setAutoWidth(true);
        Counts.column(grid, p -> p.draft().requestsPerMinute(), UNLIMITED).setHeader("Req/min").setAutoWidth(true);
        Counts.column(grid, p -> p.draft().requestsPerHour(), UNLIMITED).setHeader("Req/hour").setAutoWidth(true);
        Counts.column(grid, p -> p.draft().tokensPerMinute(), UNLIMITED).setHeader("Tokens/min").setAutoWidth(true);
        Counts.column(grid, p -> p.draft().tokensPerDay(), UNLIMITED).setHeader("Tokens/day").setAutoWidth(true);
        Counts.column(grid, p -> p.draft().maxConcurrentRequests(), UNLIMITED).setHeader("Concurrent")
                .setAutoWidth(true);
        grid.addColumn(p -> p.draft().markupPercent().stripTrailingZeros().toPlainString() + " %").setHeader("Markup")
                .setAutoWidth(true);
        grid.addColumn(p -> "$" + p.draft().cacheHitPerMillion().stripTrailingZeros().toPlainString() + " / M tokens")
                .setHeader("Cache hit price").setAutoWidth(true);
        grid.addComponentColumn(plan -> {
            Button edit = new Button("Edit", click -> edit(plan));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return edit;
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        grid.setId("plans-grid");
        Button create = new Button("New plan", click -> create());
        create.setId("new-plan");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Plans"), create);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, grid);
        refresh();
    }

    /** A new tier: its code (never changed afterwards) and the same fields as an edit. */
    private void create() {
        TextField code = new TextField("Code");
        code.setId("plan-code");
        code.setHelperText(PlanDraft.CODE_RULE);
        code.setRequired(true);
        PlanForm form = new PlanForm(PlanDraft.unlimited());
        Dialog dialog = Ui.dialog("New plan", new VerticalLayout(code, form));
        form.addSaveListener(save -> {
            if (!PlanDraft.validCode(code.getValue())) {
                code.setInvalid(true);
                code.setErrorMessage(PlanDraft.CODE_RULE);
                return;
            }
            try {
                plans.create(code.getValue(), save.draft());
            } catch (PortalException.Conflict taken) {
                code.setInvalid(true);
                code.setErrorMessage(taken.getMessage());
                return;
            }
            dialog.close();
            Ui.success("Plan " + code.getValue().strip() + " created; put tenants on it on the Tenants page");
            refresh();
        });
    }

    private void edit(PlanAdminService.PlanRow plan) {
        PlanForm form = new PlanForm(plan.draft());
        Dialog dialog = Ui.dialog("Edit plan " + plan.code(), form);
        form.addSaveListener(save -> {
            plans.update(plan.id(), plan.version(), save.draft());
            dialog.close();
            Ui.success("Plan saved; gateways apply it within seconds");
            refresh();
        });
    }

    private void refresh() {
        grid.setItems(plans.list());
    }
}
