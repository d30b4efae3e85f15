package io.tollgate.model.app;

public enum AppStatus {
    ACTIVE,
    ARCHIVED
}
