package io.tollgate.portal.security;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Matches a single sign-on identity to a Tollgate account by its verified email. Nobody is created here: people
 * join by sign-up or invitation, and the provider only proves who they are.
 */
@Component
class SsoAccounts {

    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    SsoAccounts(UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    SsoPrincipal signIn(OidcUser identity) {
        String email = identity.getEmail();
        if (email == null || !Boolean.TRUE.equals(identity.getEmailVerified())) {
            throw refused("The identity provider did not confirm an email address");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        var found = accounts.findByEmail(normalized);
        if (found.isEmpty() || !"ACTIVE".equals(found.get().status())) {
            audit.recordSignIn("login.failure", found.map(UserAccounts.Account::id).orElse(null), normalized,
                    clientAddress(), Map.of("method", "sso", "reason", found.isEmpty() ? "unknown email"
                            : "account disabled"));
            throw refused(found.isEmpty() ? "No Tollgate account uses this email; sign up or ask for an invitation"
                    : "This account is disabled");
        }
        var account = found.get();
        accounts.recordSuccess(account.id(), clock.instant());
        audit.recordSignIn("login.success", account.id(), account.email(), clientAddress(), Map.of("method", "sso"));
        return new SsoPrincipal(accounts.toPortalUser(account), identity);
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied"), message);
    }
}
