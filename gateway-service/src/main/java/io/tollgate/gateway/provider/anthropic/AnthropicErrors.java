package io.tollgate.gateway.provider.anthropic;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.wire.anthropic.ErrorResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Anthropic's errors, {@code {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}}, as the
 * client's rejection: by the HTTP status, or by the error type for an error event inside a stream (which has none).
 */
final class AnthropicErrors {

    private static final int MAX_LENGTH = 500;

    private AnthropicErrors() {
    }

    static Rejection failure(UpstreamHttp.Answer answer) {
        return UpstreamErrors.fromStatus(answer.status(), message(answer.body()).orElse(null),
                answer.headers().get(HttpHeaderNames.RETRY_AFTER));
    }

    static Rejection streamed(ErrorResponse.@Nullable Error error) {
        String type = error == null ? "" : error.type();
        return UpstreamErrors.fromStatus(status(type), error == null ? null : shortened(error.message()), null);
    }

    /** The status Anthropic documents for each error type. */
    static int status(String type) {
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    static Optional<String> message(byte[] body) {
        try {
            var error = AnthropicJson.ANTHROPIC.readValue(body, ErrorResponse.class);
            return Optional.ofNullable(error == null || error.error() == null ? null : shortened(error.error().message()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String shortened(@Nullable String message) {
        return message == null || message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH);
    }
}
