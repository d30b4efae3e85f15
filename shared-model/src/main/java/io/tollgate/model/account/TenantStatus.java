package io.tollgate.model.account;

/** A suspended tenant's keys stop working until a platform administrator resumes it. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
