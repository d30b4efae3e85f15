package io.tollgate.gateway.error;

/** Carries a {@link Rejection} through a reactive pipeline to the {@link ErrorWriter}; no stack trace. */
public final class RejectedException extends RuntimeException {

    private final Rejection rejection;

    RejectedException(Rejection rejection) {
        super(rejection.code() + ": " + rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
