package io.tollgate.gateway.cache;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.CacheHeaders;
import io.tollgate.gateway.pipeline.CachePlan;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides whether the response cache takes part in a request and under which key: only for an app its tenant admin
 * opted in, only for whole (not streamed) answers, only for requests whose answer does not vary from call to call
 * unless the app also opted in to those, and never when the client says {@code bypass}. The key is the tenant, the
 * model that serves the request (after a budget downgrade), the endpoint and the canonical body's SHA-256. Runs after
 * limits and budgets, so a cached answer is still a request they count; the lookup itself happens at the provider
 * call, after the whole chain. Refuses a cache header it cannot read (400) rather than ignore it.
 */
@Component
class ResponseCachePolicy implements GatewayPolicy {

    private final ResponseCacheProperties properties;

    ResponseCachePolicy(ResponseCacheProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var headers = context.cacheHeaders();
        var mode = CacheMode.of(headers.mode());
        if (mode.isEmpty()) {
            return Mono.just(Rejection.invalidRequest(null, "invalid_cache_mode",
                    "The " + CacheHeaders.MODE + " header must be use, refresh or bypass."));
        }
        var ttl = ttl(headers.ttl());
        if (ttl.isEmpty()) {
            return Mono.just(Rejection.invalidRequest(null, "invalid_cache_ttl",
                    "The " + CacheHeaders.TTL + " header must be a whole number of seconds above 0."));
        }
        var app = context.caller().orElseThrow().app();
        if (!app.cacheEnabled() || mode.get() == CacheMode.BYPASS || context.facts().orElseThrow().stream()) {
            return Mono.empty();
        }
        var body = CanonicalBody.of(context.body(), context.endpoint());
        if (body.isEmpty() || !body.get().deterministic() && !app.cacheNondeterministic()) {
            return Mono.empty();
        }
        String key = app.tenantId() + "/" + context.model().orElseThrow().id() + "/" + context.endpoint().name() + "/"
                + body.get().sha256();
        context.cachePlan(new CachePlan(key, ttl.get(), mode.get() == CacheMode.USE));
        return Mono.empty();
    }

    /** The header's time cut to the maximum, the default without one; empty when it is not a positive number. */
    private Optional<Duration> ttl(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(properties.defaultTtl());
        }
        long seconds;
        try {
            seconds = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (seconds <= 0) {
            return Optional.empty();
        }
        var asked = Duration.ofSeconds(seconds);
        return Optional.of(asked.compareTo(properties.maxTtl()) > 0 ? properties.maxTtl() : asked);
    }

    @Override
    public int getOrder() {
        return PolicyOrder.CACHE;
    }

    @Override
    public String toString() {
        return "ResponseCachePolicy[" + PolicyOrder.CACHE + "]";
    }
}
