package io.tollgate.gateway.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.observability.AccessLog;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.tracing.RequestTracing;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place a model request ends, however it ends (answered, streamed, refused, failed, abandoned by the
 * client): its usage event is recorded exactly once and what its policies hold (permits, reservations) is released.
 * Callers first put in the outcome what happened; a second ending of the same request (a cancel racing the answer)
 * records nothing. The request's trace span and access log line are written here too, once.
 */
@Component
class RequestEnd {

    static final int CLIENT_CLOSED = 499;
    static final String CLIENT_DISCONNECTED = "client_disconnected";

    private final UsageRecorder recorder;
    private final ErrorWriter errors;
    private final RequestTracing tracing;
    private final AccessLog accessLog;

    RequestEnd(UsageRecorder recorder, ErrorWriter errors, RequestTracing tracing, AccessLog accessLog) {
        this.recorder = recorder;
        this.errors = errors;
        this.tracing = tracing;
        this.accessLog = accessLog;
    }

    /** Ends the request with its outcome as it stands; the event when this was the first ending. */
    Optional<UsageEvent> finish(RequestContext context) {
        var event = recorder.record(context);
        if (context.markEnded()) {
            tracing.finish(context, event.orElse(null));
            accessLog.log(context, event.orElse(null));
        }
        context.complete();
        return event;
    }

    /** Ends the request with an error answer. */
    Mono<Reply> refuse(RequestContext context, Rejection rejection) {
        failed(context, rejection);
        finish(context);
        return Mono.just(errors.reply(context.endpoint().errorShape(), rejection));
    }

    /** Ends a request whose client went away before the answer was complete, billing what it had generated so far. */
    void abandoned(RequestContext context, String generatedSoFar) {
        context.outcome().failed(CLIENT_CLOSED, CLIENT_DISCONNECTED);
        if (context.facts().isPresent()) {
            context.outcome().usage(recorder.estimate(context, generatedSoFar), true);
        }
        finish(context);
    }

    /** Puts a rejection into the outcome, and its {@code retry-after} (a provider's) into the response's headers. */
    static void failed(RequestContext context, Rejection rejection) {
        context.outcome().failed(rejection.status(), rejection.code() != null ? rejection.code() : rejection.type());
        if (rejection.retryAfter() != null) {
            context.responseHeaders().set(HttpHeaderNames.RETRY_AFTER, rejection.retryAfter());
        }
    }
}
