package io.tollgate.gateway.api;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.OpenAiStreamTranslator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Relays a provider's event stream to the client as it comes, with backpressure; a client that goes away cancels
 * the provider call. Billing: the provider's final usage chunk when it sends one; otherwise (no usage chunk, a
 * provider failure mid-stream, or a client that disconnected) the prompt and the text generated so far are counted
 * and the event is marked estimated. A failure before the first event is an ordinary error response.
 */
@Component
class StreamRelay {

    static final int CLIENT_CLOSED = 499;
    static final String CLIENT_DISCONNECTED = "client_disconnected";

    private final UsageRecorder recorder;

    StreamRelay(UsageRecorder recorder) {
        this.recorder = recorder;
    }

    Mono<Reply> relay(RequestContext context, ProviderAdapter adapter, UpstreamRequest upstream) {
        context.outcome().streamed();
        var translator = new OpenAiStreamTranslator(context.facts().orElseThrow().includeUsage());
        Flux<byte[]> events = adapter.stream(upstream)
                .<byte[]>handle((event, sink) -> {
                    byte[] forward = translator.accept(event);
                    if (forward != null) {
                        context.outcome().firstToken(System.nanoTime());
                        sink.next(forward);
                    }
                })
                .doOnComplete(() -> context.outcome().upstreamDone(System.nanoTime()))
                .onErrorMap(e -> !(e instanceof RejectedException), UpstreamErrors::fromFailure)
                .doOnError(RejectedException.class, e -> failed(context, e))
                .doFinally(signal -> finish(context, translator, signal));
        return Mono.just(Reply.events(events));
    }

    private static void failed(RequestContext context, RejectedException e) {
        if (context.outcome().firstTokenNanos() < 0) {
            Refusals.failed(context, e.rejection());
        } else {
            context.outcome().failed(502, "stream_interrupted");
        }
    }

    private void finish(RequestContext context, OpenAiStreamTranslator translator, SignalType signal) {
        var outcome = context.outcome();
        if (signal == SignalType.CANCEL) {
            outcome.failed(CLIENT_CLOSED, CLIENT_DISCONNECTED);
        }
        var reported = translator.reportedUsage();
        if (reported.isPresent() && signal == SignalType.ON_COMPLETE) {
            outcome.usage(reported.get(), false);
        } else if (signal != SignalType.ON_ERROR || outcome.firstTokenNanos() >= 0) {
            outcome.usage(recorder.estimate(context, translator.generatedText()), true);
        }
        recorder.record(context);
        context.complete();
    }
}
