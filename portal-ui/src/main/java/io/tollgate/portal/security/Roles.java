package io.tollgate.portal.security;

/**
 * Every role the portal knows, as used in {@code @RolesAllowed} on views and services. Tenant roles come from the
 * signed-in user's membership, platform roles from {@code users.platform_role}; the two never mix.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String PLATFORM_FINANCE = "PLATFORM_FINANCE";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String TENANT_DEVELOPER = "TENANT_DEVELOPER";
    public static final String TENANT_BILLING = "TENANT_BILLING";

    private Roles() {
    }

    static String forTenantRole(String membershipRole) {
        return "TENANT_" + membershipRole;
    }

    static String forPlatformRole(String platformRole) {
        return "PLATFORM_" + platformRole;
    }
}
