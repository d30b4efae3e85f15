package io.tollgate.model.subscription;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.NullMarked;

/**
 * The life of a subscription: PENDING -> APPROVED or REJECTED, APPROVED -> REVOKED. REJECTED and
 * REVOKED are final; an app that wants the model again requests a new subscription.
 */
@NullMarked
public enum SubscriptionStatus {
    PENDING,
    APPROVED,
    REJECTED,
    REVOKED;

    /** The statuses this one may move to, in declaration order. */
    public Set<SubscriptionStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(REVOKED);
            case REJECTED, REVOKED -> EnumSet.noneOf(SubscriptionStatus.class);
        };
    }

    public boolean canMoveTo(SubscriptionStatus next) {
        return allowedNext().contains(next);
    }

    /**
     * Returns {@code next} when the move is legal.
     *
     * @throws IllegalSubscriptionTransitionException naming both statuses and the allowed moves
     */
    public SubscriptionStatus moveTo(SubscriptionStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalSubscriptionTransitionException(this, next);
        }
        return next;
    }

    /** Pending or approved: at most one live subscription per app and model exists. */
    public boolean isLive() {
        return this == PENDING || this == APPROVED;
    }

    /** Only an approved subscription lets requests through. */
    public boolean grantsAccess() {
        return this == APPROVED;
    }
}
