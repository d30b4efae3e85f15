package io.tollgate.gateway.provider;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.openai.OpenAiErrorMessage;
import java.net.ConnectException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * What the client sees when a provider fails. A provider's complaint about the request itself (400, 404, 422)
 * reaches the client as the provider worded it; anything that is the platform's problem (the provider's
 * credentials, limits or outages) becomes a 502/503/504 without the provider's details.
 */
public final class UpstreamErrors {

    private UpstreamErrors() {
    }

    public static Rejection fromStatus(int status, byte[] body) {
        return switch (status) {
            case 400, 404, 422 -> new Rejection(status, Rejection.INVALID_REQUEST, null, "upstream_rejected_request",
                    "The provider rejected the request: " + brief(body));
            case 429 -> new Rejection(429, Rejection.UPSTREAM, null, "upstream_rate_limited",
                    "The provider is rate limiting this model; retry shortly.");
            case 401, 403 -> Rejection.upstream(502, "upstream_auth_failed",
                    "The provider refused the platform's credentials for this model.");
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
        if (failure instanceof PrematureCloseException) {
            return Rejection.upstream(502, "upstream_closed", "The provider closed the connection early.").asException();
        }
        return Rejection.upstream(502, "upstream_error", "The call to the provider failed.").asException();
    }

    /** The provider's own error message, if it sent one in OpenAI's shape, else nothing. */
    private static String brief(byte[] body) {
        return OpenAiErrorMessage.of(body).orElse("no detail given.");
    }
}
