package io.tollgate.portal.admin.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit log · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class AuditLogView extends VerticalLayout {

    AuditLogView(AuditQueryService audit) {
        TextField search = new TextField();
        search.setPlaceholder("Filter by who, tenant, action, target or address");
        search.setWidth("min(30rem, 100%)");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("audit-search");
        Grid<AuditQueryService.Entry> grid = new Grid<>();
        grid.addColumn(entry -> Ui.time(entry.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditQueryService.Entry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(AuditQueryService.Entry::tenant).setHeader("Tenant").setAutoWidth(true);
        grid.addColumn(AuditQueryService.Entry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditQueryService.Entry::target).setHeader("Target").setAutoWidth(true);
        // one line per entry: the details, often long JSON, are cut at the column's edge and shown whole on hover
        grid.addColumn(AuditQueryService.Entry::details).setHeader("Details").setWidth("24rem").setFlexGrow(1)
                .setTooltipGenerator(AuditQueryService.Entry::details);
        grid.addColumn(AuditQueryService.Entry::address).setHeader("From").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setId("audit-grid");
        search.addValueChangeListener(change -> grid.setItems(audit.latest(search.getValue())));
        grid.setItems(audit.latest(""));
        add(new HorizontalLayout(new H2("Audit log"), search), grid);
        setSizeFull();
    }
}
