package io.tollgate.billing.security;

/** Role names in one place: platform roles (users.platform_role) and tenant roles (memberships.role). */
public final class Roles {

    public static final String PLATFORM_FINANCE = "FINANCE";
    public static final String PLATFORM_ADMIN = "ADMIN";
    public static final String TENANT_ADMIN = "ADMIN";
    public static final String TENANT_BILLING = "BILLING";

    private Roles() {
    }
}
