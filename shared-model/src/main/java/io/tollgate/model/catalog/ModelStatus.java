package io.tollgate.model.catalog;

/** Whether the gateway serves a catalog model: DEPRECATED still serves it, DISABLED does not. */
public enum ModelStatus {
    ACTIVE,
    DEPRECATED,
    DISABLED
}
