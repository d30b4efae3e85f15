package io.tollgate.model.account;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
