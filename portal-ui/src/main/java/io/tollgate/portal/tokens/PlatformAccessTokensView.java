package io.tollgate.portal.tokens;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** The platform's access tokens, for platform administrators. */
@Route(value = "admin/access-tokens", layout = MainLayout.class)
@PageTitle("API access tokens · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class PlatformAccessTokensView extends VerticalLayout {

    PlatformAccessTokensView(AccessTokenService tokens, Clock clock) {
        add(new AccessTokensPanel("Platform access tokens", List.of("ADMIN", "FINANCE"), clock,
                tokens::listOnPlatform, tokens::createOnPlatform, tokens::revokeAny));
    }
}
