package io.tollgate.model.budget;

/** Where one channel (webhook or email) of a budget alert stands. */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED,
    SKIPPED
}
