package io.tollgate.billing.error;

/** A refusal with a code, rendered by {@link ApiErrorHandler}; the message must be safe to show to the caller. */
public class BillingException extends RuntimeException {

    private final ErrorCode code;

    public BillingException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static BillingException notFound(String what) {
        return new BillingException(ErrorCode.NOT_FOUND, what + " was not found");
    }

    public static BillingException forbidden(String message) {
        return new BillingException(ErrorCode.FORBIDDEN, message);
    }

    public static BillingException invalid(String message) {
        return new BillingException(ErrorCode.INVALID_REQUEST, message);
    }
}
