package io.tollgate.model.apikey;

public enum ApiKeyStatus {
    ACTIVE,
    REVOKED
}
