package io.tollgate.gateway.api;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends a request that passed the chain to its provider's adapter and ends it with the answer; streams go to
 * {@link StreamRelay}. A 2xx answer the adapter could not read is a 502 that keeps the estimated prompt tokens on
 * its usage event but costs the tenant nothing: the platform bears what a provider's broken answer cost it.
 */
@Component
class ProviderCall {

    static final String COST_HEADER = "x-tollgate-cost-usd";

    private final ProviderRegistry providers;
    private final UsageRecorder recorder;
    private final RequestEnd end;
    private final StreamRelay streams;

    ProviderCall(ProviderRegistry providers, UsageRecorder recorder, RequestEnd end, StreamRelay streams) {
        this.providers = providers;
        this.recorder = recorder;
        this.end = end;
        this.streams = streams;
    }

    Mono<Reply> forward(RequestContext context) {
        var route = context.route().orElseThrow();
        var adapter = providers.adapterFor(route.provider().type());
        if (adapter.isEmpty()) {
            return end.refuse(context, ProviderRegistry.unsupported(route.provider().type()));
        }
        if (!adapter.get().serves(context.endpoint())) {
            return end.refuse(context, ProviderRegistry.endpointMissing(route.provider().type(), context.endpoint()));
        }
        var upstream = new UpstreamRequest(context.endpoint(), route.provider(), route.deployment().upstreamModel(),
                context.body(), context.facts().orElseThrow(), context.completionCap());
        return upstream.stream() ? streams.relay(context, adapter.get(), upstream) : buffered(context, adapter.get(), upstream);
    }

    private Mono<Reply> buffered(RequestContext context, ProviderAdapter adapter, UpstreamRequest upstream) {
        return adapter.send(upstream)
                .flatMap(reply -> answer(context, reply))
                .onErrorResume(failure -> failed(context, UpstreamErrors.fromFailure(failure)))
                .doOnCancel(() -> end.abandoned(context, ""));
    }

    private Mono<Reply> answer(RequestContext context, ProviderReply reply) {
        context.outcome().upstreamDone(System.nanoTime());
        var usage = reply.reportedUsage();
        if (usage.isPresent()) {
            context.outcome().usage(usage.get(), false);
        } else {
            context.outcome().usage(recorder.estimate(context, reply.generatedText()), true);
        }
        var event = end.finish(context);
        return Mono.just(Reply.json(200, reply.body(), COST_HEADER,
                event.map(e -> e.costUsd().toPlainString()).orElse("0")));
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
