package io.tollgate.portal.security;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Matches a single sign-on identity to a Tollgate account by its verified email. Nobody is created here: people
 * join by sign-up or invitation, and the provider only proves who they are.
 */
@Component
class SsoAccounts {

    private final UserAccounts accounts;
    private final Clock clock;

    SsoAccounts(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    SsoPrincipal signIn(OidcUser identity) {
        String email = identity.getEmail();
        if (email == null || !Boolean.TRUE.equals(identity.getEmailVerified())) {
            throw refused("The identity provider did not confirm an email address");
        }
        var account = accounts.findByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> refused("No Tollgate account uses this email; sign up or ask for an invitation"));
        if (!"ACTIVE".equals(account.status())) {
            throw refused("This account is disabled");
        }
        accounts.recordSuccess(account.id(), clock.instant());
        return new SsoPrincipal(accounts.toPortalUser(account), identity);
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied"), message);
    }
}
