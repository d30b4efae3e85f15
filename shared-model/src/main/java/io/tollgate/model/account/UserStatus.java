package io.tollgate.model.account;

public enum UserStatus {
    ACTIVE,
    DISABLED
}
