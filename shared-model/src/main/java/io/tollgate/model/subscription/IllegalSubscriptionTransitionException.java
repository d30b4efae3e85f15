package io.tollgate.model.subscription;

import org.jspecify.annotations.NullMarked;

/** A subscription was asked to move to a status its current status cannot reach. */
@NullMarked
public class IllegalSubscriptionTransitionException extends IllegalStateException {

    private final SubscriptionStatus from;
    private final SubscriptionStatus to;

    public IllegalSubscriptionTransitionException(SubscriptionStatus from, SubscriptionStatus to) {
        super("A " + from + " subscription cannot become " + to + "; allowed: " + describe(from));
        this.from = from;
        this.to = to;
    }

    public SubscriptionStatus from() {
        return from;
    }

    public SubscriptionStatus to() {
        return to;
    }

    private static String describe(SubscriptionStatus from) {
        var allowed = from.allowedNext();
        return allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().map(Enum::name).toList());
    }
}
