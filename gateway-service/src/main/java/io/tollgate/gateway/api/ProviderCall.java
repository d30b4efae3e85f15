package io.tollgate.gateway.api;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamReply;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.OpenAiRequestRewriter;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Sends a request that passed the chain to its provider and meters the answer; streams go to {@link StreamRelay}. */
@Component
class ProviderCall {

    static final String COST_HEADER = "x-tollgate-cost-usd";

    private final ProviderRegistry providers;
    private final UsageRecorder recorder;
    private final Refusals refusals;
    private final StreamRelay streams;

    ProviderCall(ProviderRegistry providers, UsageRecorder recorder, Refusals refusals, StreamRelay streams) {
        this.providers = providers;
        this.recorder = recorder;
        this.refusals = refusals;
        this.streams = streams;
    }

    Mono<Reply> forward(RequestContext context) {
        var route = context.route().orElseThrow();
        var facts = context.facts().orElseThrow();
        var adapter = providers.adapterFor(route.provider().type());
        if (adapter.isEmpty()) {
            return refusals.refuse(context, ProviderRegistry.unsupported(route.provider().type()));
        }
        var upstream = new UpstreamRequest(context.endpoint(), route.provider(), route.deployment().upstreamModel(),
                OpenAiRequestRewriter.rewrite(context.body(), facts, route.deployment().upstreamModel()), facts.stream());
        return facts.stream() ? streams.relay(context, adapter.get(), upstream) : buffered(context, adapter.get(), upstream);
    }

    private Mono<Reply> buffered(RequestContext context, ProviderAdapter adapter, UpstreamRequest upstream) {
        return adapter.send(upstream)
                .flatMap(reply -> answer(context, reply))
                .onErrorResume(RejectedException.class, e -> refusals.refuse(context, e.rejection()))
                .onErrorResume(e -> refusals.refuse(context, UpstreamErrors.fromFailure(e).rejection()))
                .doOnCancel(() -> {
                    context.outcome().failed(StreamRelay.CLIENT_CLOSED, StreamRelay.CLIENT_DISCONNECTED);
                    context.outcome().usage(recorder.estimate(context, ""), true);
                    recorder.record(context);
                    context.complete();
                });
    }

    private Mono<Reply> answer(RequestContext context, UpstreamReply reply) {
        context.outcome().upstreamDone(System.nanoTime());
        if (!reply.ok()) {
            return refusals.refuse(context, UpstreamErrors.fromStatus(reply.status(), reply.body()));
        }
        var usage = OpenAiUsageReader.read(reply.body());
        if (usage.isPresent()) {
            context.outcome().usage(usage.get(), false);
        } else {
            context.outcome().usage(recorder.estimate(context, OpenAiStreamTranslator.generatedText(reply.body())), true);
        }
        var event = recorder.record(context);
        context.complete();
        return Mono.just(Reply.json(200, reply.body(), COST_HEADER,
                event.map(e -> e.costUsd().toPlainString()).orElse("0")));
    }
}
