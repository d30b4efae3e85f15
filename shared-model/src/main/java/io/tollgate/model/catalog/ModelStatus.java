package io.tollgate.model.catalog;

/** DEPRECATED models still serve existing subscriptions; DISABLED ones serve nobody. */
public enum ModelStatus {
    ACTIVE,
    DEPRECATED,
    DISABLED
}
