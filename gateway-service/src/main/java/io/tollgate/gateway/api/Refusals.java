package io.tollgate.gateway.api;

import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.UsageRecorder;
import io.tollgate.gateway.pipeline.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Ends a request with an error: meters it (when the caller is known) and renders the rejection. */
@Component
class Refusals {

    private final UsageRecorder recorder;
    private final ErrorWriter errors;

    Refusals(UsageRecorder recorder, ErrorWriter errors) {
        this.recorder = recorder;
        this.errors = errors;
    }

    Mono<Reply> refuse(RequestContext context, Rejection rejection) {
        failed(context, rejection);
        recorder.record(context);
        context.complete();
        return Mono.just(errors.reply(rejection));
    }

    static void failed(RequestContext context, Rejection rejection) {
        context.outcome().failed(rejection.status(), rejection.code() != null ? rejection.code() : rejection.type());
    }
}
