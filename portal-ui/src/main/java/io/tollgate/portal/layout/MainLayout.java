package io.tollgate.portal.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.Membership;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.security.TenantSwitchService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The frame around every signed-in page: navigation filtered by the user's roles, the tenant switcher for members of
 * several tenants, and sign-out.
 */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, TenantSwitchService tenants, AuthenticationContext authentication) {
        PortalUser user = currentUser.require();
        Span title = new Span("Tollgate");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD);
        List<Membership> memberships = tenants.memberships();
        boolean canSwitch = memberships.size() > 1;
        Span who = new Span(user.tenantName() == null || canSwitch ? user.email()
                : user.email() + " · " + user.tenantName());
        who.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Overflow.HIDDEN);
        Button signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who);
        if (canSwitch) {
            header.add(new TenantSwitcher(user, memberships, tenants));
        }
        header.add(signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(who);
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        addToNavbar(header);
        addToDrawer(navigation(user));
        setPrimarySection(Section.DRAWER);
    }

    private static Scroller navigation(PortalUser user) {
        SideNav tenant = new SideNav();
        if (user.tenant().isPresent()) {
            tenant.addItem(new SideNavItem("Dashboard", "dashboard"), new SideNavItem("Apps", "apps"),
                    new SideNavItem("Model catalog", "catalog"), new SideNavItem("Subscriptions", "subscriptions"),
                    new SideNavItem("Budgets", "budgets"), new SideNavItem("Usage", "usage"));
            if (user.hasRole(Roles.TENANT_ADMIN) || user.hasRole(Roles.TENANT_BILLING)) {
                tenant.addItem(new SideNavItem("Invoices", "invoices"));
            }
            if (user.hasRole(Roles.TENANT_ADMIN)) {
                tenant.addItem(new SideNavItem("Members", "members"),
                        new SideNavItem("Access tokens", "access-tokens"));
                tenant.addItem(new SideNavItem("Webhooks", "webhooks"));
            }
        }
        VerticalLayout sections = new VerticalLayout(tenant);
        sections.setPadding(false);
        if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            SideNav platform = new SideNav("Platform");
            platform.addItem(new SideNavItem("Approvals", "admin/approvals"),
                    new SideNavItem("Approved subscriptions", "admin/subscriptions"),
                    new SideNavItem("Tenants", "admin/tenants"), new SideNavItem("Plans", "admin/plans"),
                    new SideNavItem("Models & prices", "admin/models"),
                    new SideNavItem("Providers", "admin/providers"),
                    new SideNavItem("Live routing", "admin/routing"), new SideNavItem("Staff", "admin/staff"),
                    new SideNavItem("Audit log", "admin/audit"),
                    new SideNavItem("API access tokens", "admin/access-tokens"));
            sections.add(platform);
        }
        if (user.hasRole(Roles.PLATFORM_ADMIN) || user.hasRole(Roles.PLATFORM_FINANCE)) {
            SideNav finance = new SideNav("Finance");
            finance.addItem(new SideNavItem("Chargebacks", "finance/chargebacks"),
                    new SideNavItem("Invoices", "finance/invoices"));
            sections.add(finance);
        }
        return new Scroller(sections);
    }
}
