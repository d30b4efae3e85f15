package io.tollgate.portal.support;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.tokens.AccessTokenDraft;
import io.tollgate.portal.tokens.AccessTokenService;
import java.time.Duration;
import java.time.Instant;

/** Makes access tokens as an admin would on the Access tokens page (through the service, signed in as that admin). */
public final class AccessTokens {

    private final AccessTokenService tokens;

    public AccessTokens(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    /** A service token of the admin's tenant with the given role ("ADMIN", "DEVELOPER", "BILLING"). */
    public String tenantToken(PortalUser tenantAdmin, String role) {
        return as(tenantAdmin, () -> tokens.createInTenant(draft("SERVICE", role)).plaintext());
    }

    public String personalTenantToken(PortalUser tenantAdmin, String role) {
        return as(tenantAdmin, () -> tokens.createInTenant(draft("PERSONAL", role)).plaintext());
    }

    /** A platform service token ("ADMIN" or "FINANCE"), made by a platform administrator. */
    public String platformToken(PortalUser platformAdmin, String role) {
        return as(platformAdmin, () -> tokens.createOnPlatform(draft("SERVICE", role)).plaintext());
    }

    private static AccessTokenDraft draft(String kind, String role) {
        return new AccessTokenDraft(kind, kind.toLowerCase() + " " + role.toLowerCase(), role,
                Instant.now().plus(Duration.ofDays(30)));
    }

    private static String as(PortalUser user, java.util.function.Supplier<String> action) {
        Tenants.signIn(user);
        try {
            return action.get();
        } finally {
            Tenants.signOut();
        }
    }
}
