package io.tollgate.portal.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a changed {@link PortalUser} into the signed-in authentication, keeping how they signed in (password or single
 * sign-on). Spring Security saves the context only at sign-in, so the session copy is replaced here too (under a new
 * session id): every later request loads the new user from it.
 */
@Component
class SignedInSession {

    private final SecurityContextHolderStrategy securityContexts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SignedInSession(ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.securityContexts = securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    void replaceUser(PortalUser user) {
        SecurityContext context = securityContexts.createEmptyContext();
        context.setAuthentication(authenticationOf(user, securityContexts.getContext().getAuthentication()));
        securityContexts.setContext(context);
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                && VaadinResponse.getCurrent() instanceof VaadinServletResponse response) {
            // another tenant and role: a new session id, as at sign-in, so an id known before grants nothing after
            request.getHttpServletRequest().changeSessionId();
            sessions.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }

    private static Authentication authenticationOf(PortalUser user, Authentication current) {
        AbstractAuthenticationToken replacement;
        if (current instanceof OAuth2AuthenticationToken sso && sso.getPrincipal() instanceof SsoPrincipal principal) {
            SsoPrincipal switched = new SsoPrincipal(user, principal.oidc());
            replacement = new OAuth2AuthenticationToken(switched, switched.getAuthorities(),
                    sso.getAuthorizedClientRegistrationId());
        } else {
            replacement = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
        }
        replacement.setDetails(current.getDetails());
        return replacement;
    }
}
