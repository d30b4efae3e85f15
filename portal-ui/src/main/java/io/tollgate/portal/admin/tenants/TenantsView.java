package io.tollgate.portal.admin.tenants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.MoneyFormat;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class TenantsView extends VerticalLayout {

    private final TenantAdminService tenants;
    private final Grid<TenantAdminService.TenantRow> grid = new Grid<>();
    private final TextField search = new TextField();

    TenantsView(TenantAdminService tenants) {
        this.tenants = tenants;
        var plans = tenants.plans();
        search.setPlaceholder("Search by name or slug");
        search.setWidth("16rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        grid.addColumn(TenantAdminService.TenantRow::name).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(TenantAdminService.TenantRow::slug).setHeader("Slug").setAutoWidth(true);
        grid.addComponentColumn(tenant -> {
            Select<TenantAdminService.PlanChoice> plan = new Select<>();
            plan.setItems(plans);
            plan.setItemLabelGenerator(TenantAdminService.PlanChoice::name);
            plans.stream().filter(p -> p.id().equals(tenant.planId())).findFirst().ifPresent(plan::setValue);
            plan.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    tenants.changePlan(tenant.id(), change.getValue().id());
                    Ui.success(tenant.name() + " is now on " + change.getValue().name());
                }
            });
            return plan;
        }).setHeader("Plan").setAutoWidth(true);
        grid.addColumn(TenantAdminService.TenantRow::status).setHeader("Status").setAutoWidth(true);
        Counts.column(grid, TenantAdminService.TenantRow::members).setHeader("Members").setAutoWidth(true);
        Counts.column(grid, TenantAdminService.TenantRow::apps).setHeader("Apps").setAutoWidth(true);
        grid.addColumn(tenant -> MoneyFormat.usd(tenant.spendThisMonth()))
                .setHeader("Spend this month").setAutoWidth(true);
        grid.addColumn(tenant -> Ui.time(tenant.createdAt())).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(tenant -> {
            Button ceilings = new Button("Ceilings", click -> editCeilings(tenant));
            ceilings.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return ceilings;
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.addComponentColumn(tenant -> {
            boolean active = tenant.status().equals("ACTIVE");
            Button toggle = new Button(active ? "Suspend" : "Resume", click -> Ui.confirm(
                    (active ? "Suspend " : "Resume ") + tenant.name() + "?",
                    active ? "All its keys are refused by the gateway until resumed." : "Its keys work again.",
                    active ? "Suspend" : "Resume", () -> {
                        tenants.setStatus(tenant.id(), active);
                        refresh();
                    }));
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, active ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
            return toggle;
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.setId("tenants-grid");
        add(new HorizontalLayout(new H2("Tenants"), search), grid);
        setSizeFull();
        refresh();
    }

    private void editCeilings(TenantAdminService.TenantRow tenant) {
        var shown = tenants.ceilings(tenant.id()).orElseThrow(() -> PortalException.notFound("Tenant"));
        var form = new CeilingsForm(shown.ceilings());
        Dialog dialog = Ui.dialog("Tenant-wide ceilings of " + tenant.name(), form);
        form.onSave(ceilings -> {
            tenants.setCeilings(tenant.id(), shown.version(), ceilings);
            dialog.close();
            Ui.success(ceilings.isNone() ? tenant.name() + " has no ceilings" : "Ceilings of " + tenant.name() + " saved");
        });
    }

    private void refresh() {
        grid.setItems(tenants.list(search.getValue()));
    }
}
