package io.tollgate.gateway.error;

import org.jspecify.annotations.Nullable;

/**
 * Why the gateway refused or failed a request, as OpenAI reports it: the HTTP status and the
 * {@code {"error":{"message","type","param","code"}}} body. Messages are for the caller: never internal detail.
 *
 * @param retryAfter the {@code retry-after} header to answer with, when a provider gave one
 */
public record Rejection(int status, String type, @Nullable String param, @Nullable String code, String message,
                        @Nullable String retryAfter) {

    public Rejection(int status, String type, @Nullable String param, @Nullable String code, String message) {
        this(status, type, param, code, message, null);
    }

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String AUTHENTICATION = "authentication_error";
    public static final String PERMISSION = "permission_error";
    public static final String UPSTREAM = "upstream_error";
    public static final String SERVER = "server_error";

    public static Rejection invalidRequest(@Nullable String param, String code, String message) {
        return new Rejection(400, INVALID_REQUEST, param, code, message);
    }

    public static Rejection unauthenticated(String code, String message) {
        return new Rejection(401, AUTHENTICATION, null, code, message);
    }

    public static Rejection forbidden(@Nullable String param, String code, String message) {
        return new Rejection(403, PERMISSION, param, code, message);
    }

    public static Rejection modelNotFound(String model) {
        return new Rejection(404, INVALID_REQUEST, "model", "model_not_found",
                "The model '" + model + "' does not exist or you do not have access to it.");
    }

    public static Rejection notFound(String message) {
        return new Rejection(404, INVALID_REQUEST, null, "not_found", message);
    }

    public static Rejection upstream(int status, String code, String message) {
        return new Rejection(status, UPSTREAM, null, code, message);
    }

    public static Rejection unavailable(String code, String message) {
        return new Rejection(503, SERVER, null, code, message);
    }

    public static Rejection internal() {
        return new Rejection(500, SERVER, null, "internal_error",
                "The server had an error while processing your request.");
    }

    /** The same rejection answered with a {@code retry-after} header (a provider's, passed on). */
    public Rejection retryAfter(@Nullable String value) {
        return new Rejection(status, type, param, code, message, value);
    }

    /** The rejection as an exception, for a stream that fails before its first byte. */
    public RejectedException asException() {
        return new RejectedException(this);
    }
}
