package io.tollgate.portal.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The landing address after sign-in: tenant members see their dashboard, administrators their queue, finance the chargebacks. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

    private final CurrentUser currentUser;

    HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var user = currentUser.require();
        if (user.tenant().isPresent()) {
            event.forwardTo("dashboard");
        } else if (user.hasRole(Roles.PLATFORM_ADMIN)) {
            event.forwardTo("admin/approvals");
        } else if (user.hasRole(Roles.PLATFORM_FINANCE)) {
            event.forwardTo("finance/chargebacks");
        } else {
            add(new com.vaadin.flow.component.html.Paragraph("Your account has no tenant yet. Ask an administrator "
                    + "for an invitation link."));
        }
    }
}
