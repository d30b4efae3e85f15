package io.tollgate.portal.tokens;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** The tenant's access tokens, for its admins. */
@Route(value = "access-tokens", layout = MainLayout.class)
@PageTitle("Access tokens · Tollgate")
@RolesAllowed(Roles.TENANT_ADMIN)
class TenantAccessTokensView extends VerticalLayout {

    TenantAccessTokensView(AccessTokenService tokens, Clock clock) {
        add(new AccessTokensPanel("Access tokens", List.of("ADMIN", "DEVELOPER", "BILLING"), clock,
                tokens::listInTenant, tokens::createInTenant, tokens::revokeInTenant));
    }
}
