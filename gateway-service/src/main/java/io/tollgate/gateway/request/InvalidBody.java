package io.tollgate.gateway.request;

import io.tollgate.gateway.error.Rejection;

/** Unwinds the one-pass reading of a body at its first invalid field; no stack trace, it is an answer, not a fault. */
final class InvalidBody extends RuntimeException {

    private final transient Rejection rejection;

    private InvalidBody(Rejection rejection) {
        super(rejection.message(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }

    static InvalidBody invalidType(String param, String expected) {
        return new InvalidBody(Rejection.invalidRequest(param, "invalid_type",
                "Invalid type for '" + param + "': expected " + expected + "."));
    }

    static InvalidBody invalidValue(String param, String message) {
        return new InvalidBody(Rejection.invalidRequest(param, "invalid_value",
                "Invalid value for '" + param + "': " + message));
    }

    static InvalidBody missing(String param, String message) {
        return new InvalidBody(Rejection.invalidRequest(param, "missing_required_parameter", message));
    }

    static InvalidBody of(Rejection rejection) {
        return new InvalidBody(rejection);
    }
}
