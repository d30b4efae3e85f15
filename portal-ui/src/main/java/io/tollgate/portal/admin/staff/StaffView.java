package io.tollgate.portal.admin.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "admin/staff", layout = MainLayout.class)
@PageTitle("Platform staff · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class StaffView extends VerticalLayout {

    private final StaffService staff;
    private final Grid<StaffMember> grid = new Grid<>();

    StaffView(StaffService staff, CurrentUser currentUser) {
        this.staff = staff;
        EmailField email = new EmailField("Email of an existing account");
        email.setId("staff-email");
        email.setWidth("min(22rem, 100%)");
        Select<String> role = new Select<>();
        role.setLabel("Platform role");
        role.setItems("FINANCE", "ADMIN");
        role.setValue("FINANCE");
        role.setId("staff-role");
        Button grant = new Button("Grant role", click -> {
            if (email.isEmpty() || email.isInvalid()) {
                email.setInvalid(true);
                email.setErrorMessage("Enter the email the person signs in with");
                return;
            }
            try {
                staff.grant(email.getValue(), role.getValue());
            } catch (PortalException refused) {
                email.setInvalid(true);
                email.setErrorMessage(refused.getMessage());
                return;
            }
            Ui.success(role.getValue() + " granted; it applies at their next sign-in");
            email.clear();
            refresh();
        });
        grant.setId("staff-grant");
        grant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(email, role, grant);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.addClassName(LumoUtility.Gap.MEDIUM);
        grid.addColumn(StaffMember::email).setHeader("Email").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(StaffMember::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(StaffMember::platformRole).setHeader("Role").setAutoWidth(true);
        grid.addColumn(member -> Ui.time(member.lastLoginAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(member -> {
            Button remove = new Button("Remove role", click -> Ui.confirm("Remove " + member.email() + "'s "
                    + member.platformRole() + " role?", "Their next sign-in no longer opens the platform pages.",
                    "Remove", () -> {
                        staff.remove(member.userId());
                        refresh();
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            remove.setEnabled(!member.userId().equals(currentUser.require().userId()));
            return remove;
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        grid.setId("staff-grid");
        add(new H2("Platform staff"), new Paragraph("Administrators run the platform; finance sees chargebacks and "
                + "invoices of every tenant. Give a role to someone who already has an account."), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(staff.list());
    }
}
