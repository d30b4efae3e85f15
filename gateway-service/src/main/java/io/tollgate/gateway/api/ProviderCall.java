package io.tollgate.gateway.api;

import io.netty.util.AsciiString;
import io.tollgate.gateway.cache.CachedAnswer;
import io.tollgate.gateway.cache.ResponseCache;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.CacheHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.routing.Failover;
import io.tollgate.model.common.TokenUsage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a request that passed the chain to its providers' adapters, route after route as {@link Failover} decides,
 * and ends it with the answer; streams go to {@link StreamRelay}. Another client API than OpenAI's ({@link ClientApi})
 * makes the call and words the answer itself. A 2xx answer the adapter could not read is a 502 that keeps the
 * estimated prompt tokens on its usage event but costs the tenant nothing: the platform bears what a provider's
 * broken answer cost it. When the cache policy planned it, an answer kept in the {@link ResponseCache} ends the
 * request without a provider call ({@code x-tollgate-cache: hit}), and a provider's 200 answer is kept ({@code miss}).
 */
@Component
class ProviderCall {

    static final AsciiString COST_HEADER = AsciiString.cached("x-tollgate-cost-usd");
    static final String CACHE_HIT = "hit";
    static final String CACHE_MISS = "miss";

    private final ProviderRegistry providers;
    private final UsageRecorder recorder;
    private final RequestEnd end;
    private final StreamRelay streams;
    private final Failover failover;
    private final ResponseCache cache;
    private final Map<Endpoint, ClientApi> clientApis = new EnumMap<>(Endpoint.class);

    ProviderCall(ProviderRegistry providers, UsageRecorder recorder, RequestEnd end, StreamRelay streams,
                 Failover failover, ResponseCache cache, List<ClientApi> clientApis) {
        this.providers = providers;
        this.recorder = recorder;
        this.end = end;
        this.streams = streams;
        this.failover = failover;
        this.cache = cache;
        clientApis.forEach(api -> this.clientApis.put(api.endpoint(), api));
    }

    Mono<Reply> forward(RequestContext context) {
        var api = clientApis.get(context.endpoint());
        if (context.facts().orElseThrow().stream()) {
            return streams.relay(context, failover.stream(context, route -> stream(api, context, route)));
        }
        var plan = context.cachePlan();
        Mono<Reply> reply = plan.isEmpty() ? call(api, context)
                // a request without a cache plan (most) pays for none of the cache's operators
                : cache.lookup(plan.get()).map(cached -> fromCache(context, cached))
                        .switchIfEmpty(Mono.defer(() -> call(api, context)));
        return reply.doOnCancel(() -> end.abandoned(context, ""));
    }

    private Mono<Reply> call(@Nullable ClientApi api, RequestContext context) {
        return failover.call(context, route -> send(api, context, route))
                .flatMap(reply -> answer(context, reply))
                .onErrorResume(failure -> failed(context, UpstreamErrors.fromFailure(failure)));
    }

    /** On OpenAI's endpoints the adapter's own answer; on another API's, that API's call. */
    private Mono<ProviderReply> send(@Nullable ClientApi api, RequestContext context, Route route) {
        return api == null ? adapter(route).send(upstream(context, route))
                : api.send(adapter(route), upstream(context, route), context);
    }

    private ProviderStream stream(@Nullable ClientApi api, RequestContext context, Route route) {
        return api == null ? adapter(route).stream(upstream(context, route))
                : api.stream(adapter(route), upstream(context, route), context);
    }

    /** The route's adapter; routing only plans routes whose provider has one. */
    private ProviderAdapter adapter(Route route) {
        return providers.adapterFor(route.provider().type()).orElseThrow();
    }

    private static UpstreamRequest upstream(RequestContext context, Route route) {
        return new UpstreamRequest(context.endpoint().canonical(), route.provider(), route.deployment().upstreamModel(),
                context.canonicalBody(), context.facts().orElseThrow(), context.completionCap());
    }

    private Mono<Reply> answer(RequestContext context, ProviderReply reply) {
        context.outcome().upstreamDone(System.nanoTime());
        var usage = reply.reportedUsage();
        if (usage.isPresent()) {
            context.outcome().usage(usage.get(), false);
        } else {
            context.outcome().usage(recorder.estimate(context, reply.generatedText()), true);
        }
        // an answer from a fallback model is not what the key's model would answer
        context.cachePlan().filter(plan -> servedPlannedModel(context)).ifPresent(plan -> {
            cache.store(plan, reply.body(), context.outcome().usage().orElse(TokenUsage.ZERO));
            context.responseHeaders().set(CacheHeaders.MODE_NAME, CACHE_MISS);
        });
        var event = end.finish(context);
        return Mono.just(Reply.json(200, reply.body(), COST_HEADER,
                event.map(e -> e.costUsd().toPlainString()).orElse("0")));
    }

    private static boolean servedPlannedModel(RequestContext context) {
        return context.route().map(route -> route.model().id()).equals(context.model().map(model -> model.id()));
    }

    private Reply fromCache(RequestContext context, CachedAnswer cached) {
        context.outcome().cacheHit(cached.tokens());
        context.responseHeaders().set(CacheHeaders.MODE_NAME, CACHE_HIT);
        var event = end.finish(context);
        return Reply.json(200, cached.body(), COST_HEADER, event.map(e -> e.costUsd().toPlainString()).orElse("0"));
    }

    private Mono<Reply> failed(RequestContext context, RejectedException failure) {
        Rejection rejection = failure.rejection();
        if (UpstreamErrors.INVALID_RESPONSE.equals(rejection.code())) {
            context.outcome().usage(recorder.estimate(context, ""), true);
            context.outcome().unbilled();
        }
        return end.refuse(context, rejection);
    }
}
