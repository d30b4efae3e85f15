package io.tollgate.gateway.provider.bedrock;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Bedrock's errors, {@code {"message": "..."}} with the exception's name in the {@code x-amzn-ErrorType} header, as
 * the client's rejection: by the HTTP status, except {@code ModelNotReadyException} (sent as a 429, but the model is
 * loading, not limited: 503) and {@code ModelTimeoutException} (408: the provider timed out, 504). A stream's
 * exception event has no status: its {@code :exception-type} gives it.
 */
final class BedrockErrors {

    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    private static final int MAX_LENGTH = 500;

    private BedrockErrors() {
    }

    static Rejection failure(UpstreamHttp.Answer answer) {
        String type = answer.headers().get(ERROR_TYPE_HEADER);
        int status = type == null ? answer.status() : statusOf(type, answer.status());
        return UpstreamErrors.fromStatus(status, message(answer.body()).orElse(null),
                answer.headers().get(HttpHeaderNames.RETRY_AFTER));
    }

    static Rejection streamed(String exceptionType, @Nullable String message) {
        return UpstreamErrors.fromStatus(statusOf(exceptionType, 500), shortened(message), null);
    }

    /** The status of an exception by its name ({@code ThrottlingException:http://...} in a header, lower camel in a stream). */
    static int statusOf(String exceptionType, int status) {
        String name = exceptionType.split(":", 2)[0].toLowerCase(Locale.ROOT);
        return switch (name) {
            case "validationexception" -> 400;
            case "accessdeniedexception", "unrecognizedclientexception" -> 403;
            case "resourcenotfoundexception" -> 404;
            case "throttlingexception", "servicequotaexceededexception" -> 429;
            case "modelnotreadyexception", "serviceunavailableexception" -> 503;
            case "modeltimeoutexception" -> 504;
            case "modelerrorexception", "modelstreamerrorexception", "internalserverexception" -> 502;
            default -> status;
        };
    }

    static Optional<String> message(byte[] body) {
        try {
            JsonNode error = BedrockJson.BEDROCK.readTree(body);
            JsonNode message = error.path("message").isString() ? error.path("message") : error.path("Message");
            return Optional.ofNullable(message.isString() ? shortened(message.asString()) : null);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static @Nullable String shortened(@Nullable String message) {
        return message == null || message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH);
    }
}
