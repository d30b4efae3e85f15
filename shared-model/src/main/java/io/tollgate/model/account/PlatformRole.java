package io.tollgate.model.account;

/** Roles over the whole platform, held by Tollgate's operators rather than by tenants. */
public enum PlatformRole {
    ADMIN,
    FINANCE
}
