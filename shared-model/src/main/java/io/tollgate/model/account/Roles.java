package io.tollgate.model.account;

/**
 * The role names every service grants and checks ({@code @RolesAllowed}, {@code hasRole}): one set for the whole
 * platform. Tenant roles come from the signed-in user's membership ({@link TenantRole}), platform roles from
 * {@code users.platform_role} ({@link PlatformRole}); the prefixes keep the two apart, so a tenant's ADMIN is never
 * taken for the platform's.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String PLATFORM_FINANCE = "PLATFORM_FINANCE";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String TENANT_DEVELOPER = "TENANT_DEVELOPER";
    public static final String TENANT_BILLING = "TENANT_BILLING";

    private Roles() {
    }

    /** @param membershipRole a {@link TenantRole} name as {@code memberships.role} holds it */
    public static String forTenantRole(String membershipRole) {
        return "TENANT_" + membershipRole;
    }

    /** @param platformRole a {@link PlatformRole} name as {@code users.platform_role} holds it */
    public static String forPlatformRole(String platformRole) {
        return "PLATFORM_" + platformRole;
    }
}
