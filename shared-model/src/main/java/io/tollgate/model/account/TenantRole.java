package io.tollgate.model.account;

/** What a member may do inside one tenant. */
public enum TenantRole {
    ADMIN,
    DEVELOPER,
    BILLING
}
