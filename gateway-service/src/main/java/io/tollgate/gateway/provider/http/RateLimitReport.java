package io.tollgate.gateway.provider.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.tollgate.gateway.provider.ProviderRateLimits;
import io.tollgate.gateway.provider.UpstreamHttp;
import java.time.Clock;
import reactor.util.context.ContextView;

/** Tells the listener in the subscriber's context, if any, what a successful answer's rate-limit headers say. */
record RateLimitReport(Clock clock) {

    void report(HttpHeaders headers, ContextView context) {
        ProviderRateLimits.Listener listener = context.getOrDefault(UpstreamHttp.RATE_LIMITS, null);
        if (listener == null) {
            return;
        }
        var limits = ProviderRateLimits.of(headers, clock);
        if (limits != null) {
            listener.reported(limits);
        }
    }
}
