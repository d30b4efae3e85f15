package io.tollgate.portal.security;

import io.tollgate.model.tenancy.ActingTenant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The one place services learn who is acting. The tenant always comes from the signed-in user's membership,
 * never from a URL or a request parameter. It is also the tenant every Hibernate session works for (see
 * {@link ActingTenant}): a portal page's signed-in user, or the management API's access token.
 */
@Component
public class CurrentUser implements ActingTenant {

    private final SecurityContextHolderStrategy securityContexts;

    CurrentUser(ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.securityContexts = securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<PortalUser> find() {
        Authentication authentication = securityContexts.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case PortalUser user -> Optional.of(user);
            case SsoPrincipal sso -> Optional.of(sso.user());
            case TokenPrincipal token -> Optional.of(token.user());
            case null, default -> Optional.empty();
        };
    }

    /** The access token of a management API call; empty in the portal's own pages. */
    public Optional<TokenPrincipal> token() {
        Authentication authentication = securityContexts.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal token
                ? Optional.of(token) : Optional.empty();
    }

    public PortalUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    @Override
    public Optional<UUID> current() {
        return find().flatMap(PortalUser::tenant);
    }

    public UUID tenantId() {
        return require().tenant().orElseThrow(() -> new AccessDeniedException("Not a member of a tenant"));
    }
}
