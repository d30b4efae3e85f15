package io.tollgate.portal.layout;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.select.Select;
import io.tollgate.portal.security.Membership;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.security.TenantSwitchService;
import java.util.List;

/** The tenant the user works in, and the others they belong to; picking one switches to it. */
class TenantSwitcher extends Composite<Select<Membership>> {

    TenantSwitcher(PortalUser user, List<Membership> memberships, TenantSwitchService tenants) {
        Select<Membership> select = getContent();
        select.setId("tenant-switch");
        select.setAriaLabel("Tenant");
        select.setItems(memberships);
        select.setItemLabelGenerator(Membership::label);
        memberships.stream().filter(membership -> membership.tenantId().equals(user.tenantId())).findFirst()
                .ifPresent(select::setValue);
        select.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                tenants.switchTo(change.getValue().tenantId());
                // a full load, so the layout, the navigation and every view are built again for the new tenant
                select.getUI().ifPresent(ui -> ui.getPage().setLocation("dashboard"));
            }
        });
    }
}
