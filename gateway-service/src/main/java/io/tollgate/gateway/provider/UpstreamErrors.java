package io.tollgate.gateway.provider;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.http.UpstreamBusyException;
import io.tollgate.gateway.provider.http.UpstreamClosedException;
import java.net.ConnectException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client sees when a provider fails, whatever its wire format (each adapter reads its provider's own error
 * message and passes it here). A provider's complaint about the request itself (400, 404, 413, 422) reaches the
 * client as the provider worded it; a refused credential says so with the provider's words (secrets masked); limits
 * and outages keep their meaning (429 with the provider's {@code retry-after}, 503 stays 503) without details.
 */
public final class UpstreamErrors {

    /** The code of a success answer whose body could not be read. */
    public static final String INVALID_RESPONSE = "upstream_invalid_response";

    /** Anything shaped like a key or token inside a provider's message. */
    private static final Pattern SECRET = Pattern.compile("(?i)\\b(sk-|key-|AIza|ya29\\.|Bearer\\s+)?[A-Za-z0-9*_\\-]{20,}");

    private static final Logger log = LoggerFactory.getLogger(UpstreamErrors.class);

    private UpstreamErrors() {
    }

    /**
     * @param providerMessage the provider's own error message, if its body had one
     * @param retryAfter      the provider's {@code retry-after} header, passed on to the client on a 429 or 503
     */
    public static Rejection fromStatus(int status, @Nullable String providerMessage, @Nullable String retryAfter) {
        String detail = providerMessage == null || providerMessage.isBlank() ? "no detail given." : providerMessage;
        return switch (status) {
            case 400, 404, 413, 422 -> new Rejection(status == 413 ? 400 : status, Rejection.INVALID_REQUEST, null,
                    "upstream_rejected_request", "The provider rejected the request: " + detail);
            case 429 -> new Rejection(429, Rejection.UPSTREAM, null, "upstream_rate_limited",
                    "The provider is rate limiting this model; retry shortly.").retryAfter(retryAfter);
            case 401, 403 -> Rejection.upstream(502, "upstream_auth_failed",
                    "The provider refused the platform's credentials for this model: " + masked(detail));
            case 503, 529 -> Rejection.upstream(503, "upstream_unavailable",
                    "The provider is overloaded or unavailable; retry shortly.").retryAfter(retryAfter);
            case 504 -> Rejection.upstream(504, "upstream_timeout", "The provider timed out answering.");
            default -> Rejection.upstream(502, "upstream_error", "The provider failed to answer (status " + status + ").");
        };
    }

    public static RejectedException fromFailure(Throwable failure) {
        if (failure instanceof RejectedException rejected) {
            return rejected;
        }
        if (failure instanceof ReadTimeoutException || failure.getCause() instanceof ReadTimeoutException) {
            return Rejection.upstream(504, "upstream_timeout", "The provider did not answer in time.").asException();
        }
        if (failure instanceof ConnectException || failure instanceof ConnectTimeoutException
                || failure.getCause() instanceof ConnectException) {
            return Rejection.upstream(502, "upstream_unreachable", "The provider could not be reached.").asException();
        }
        if (failure instanceof UpstreamBusyException) {
            return Rejection.upstream(503, "upstream_busy", "Every connection to the provider is in use; retry shortly.")
                    .asException();
        }
        if (failure instanceof UpstreamClosedException closed) {
            return closed.beforeAnswer()
                    ? Rejection.upstream(502, "upstream_reset", "The provider closed the connection before answering.").asException()
                    : Rejection.upstream(502, "upstream_closed", "The provider closed the connection while answering.").asException();
        }
        // not a provider's fault the gateway knows: the client gets no detail, the operator the whole cause
        log.warn("A provider call failed unexpectedly", failure);
        return Rejection.upstream(502, "upstream_error", "The call to the provider failed.").asException();
    }

    /** A 2xx answer whose body is not what the provider's format promises. */
    public static RejectedException invalidResponse() {
        return Rejection.upstream(502, INVALID_RESPONSE, "The provider's answer could not be read.").asException();
    }

    private static String masked(String message) {
        return SECRET.matcher(message).replaceAll("***");
    }
}
