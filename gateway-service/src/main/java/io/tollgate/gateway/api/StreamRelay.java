package io.tollgate.gateway.api;

import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Relays a provider's event stream to the client as it comes, with backpressure; a client that goes away cancels
 * the provider call. A failure before the first event is an ordinary error response; a failure after it ends the
 * stream with an error event in the API's shape (OpenAI's {@code data: {"error": ...}}) before the connection
 * closes. Billing: the provider's usage when it reported it on a stream that completed; otherwise (no usage, a failure
 * mid-stream, a client that disconnected) the prompt and the text generated so far are counted and the event is
 * marked estimated.
 */
@Component
class StreamRelay {

    private final UsageRecorder recorder;
    private final RequestEnd end;
    private final ErrorWriter errors;

    StreamRelay(UsageRecorder recorder, RequestEnd end, ErrorWriter errors) {
        this.recorder = recorder;
        this.end = end;
        this.errors = errors;
    }

    Mono<Reply> relay(RequestContext context, ProviderStream stream) {
        context.outcome().streamed();
        Flux<byte[]> events = stream.events()
                .doOnNext(event -> context.outcome().firstToken(System.nanoTime()))
                .doOnComplete(() -> context.outcome().upstreamDone(System.nanoTime()))
                .onErrorMap(e -> !(e instanceof RejectedException), UpstreamErrors::fromFailure)
                .onErrorResume(RejectedException.class, e -> failed(context, e))
                .doFinally(signal -> finish(context, stream.usage(), signal));
        return Mono.just(Reply.events(events));
    }

    /** Before the first event the failure goes on to become an error response; after it, an error event ends the stream. */
    private Flux<byte[]> failed(RequestContext context, RejectedException e) {
        if (context.outcome().firstTokenNanos() < 0) {
            RequestEnd.failed(context, e.rejection());
            return Flux.error(e);
        }
        context.outcome().failed(502, "stream_interrupted");
        return Flux.just(errors.event(context.endpoint().errorShape(), e.rejection()));
    }

    private void finish(RequestContext context, ProviderStream.Usage usage, SignalType signal) {
        var outcome = context.outcome();
        boolean interrupted = outcome.errorType().isPresent();
        if (signal == SignalType.CANCEL) {
            end.abandoned(context, usage.generatedText());
            return;
        }
        var reported = usage.reported();
        if (reported.isPresent() && !interrupted) {
            outcome.usage(reported.get(), false);
        } else if (outcome.firstTokenNanos() >= 0) {
            outcome.usage(recorder.estimate(context, usage.generatedText()), true);
        }
        end.finish(context);
    }
}
