package io.tollgate.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.model.tracing.TracingSwitch;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A span per model request (a child of the client's W3C trace context when it sent one) and a child span per
 * provider attempt, whose context travels to the provider in the attempt's request headers. Attributes follow the
 * GenAI semantic conventions, plus the tenant and the app; never prompt or answer text. With tracing off (no OTLP
 * endpoint, {@link TracingSwitch}) every method returns at once and every span is {@link Span#NOOP}.
 */
@Component
public class RequestTracing {

    static final String TENANT = "tollgate.tenant";
    static final String APP = "tollgate.app";
    static final String DEPLOYMENT = "tollgate.deployment";
    static final String ATTEMPTS = "tollgate.attempts";

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    RequestTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, Environment environment) {
        boolean on = environment.getProperty(TracingSwitch.ENABLED, Boolean.class, true);
        this.tracer = on ? tracer.getIfAvailable() : null;
        this.propagator = on ? propagator.getIfAvailable() : null;
    }

    public boolean enabled() {
        return tracer != null && propagator != null;
    }

    /** Starts the request's span at the moment it was received. */
    public Span request(HttpHeaders headers, Endpoint endpoint, Instant receivedAt) {
        if (tracer == null || propagator == null) {
            return Span.NOOP;
        }
        String operation = GenAiAttributes.operation(endpoint);
        return propagator.extract(headers, HttpHeaders::getFirst)
                .name(operation)
                .kind(Span.Kind.SERVER)
                .tag(GenAiAttributes.OPERATION, operation)
                .startTimestamp(TimeUnit.SECONDS.toMicros(receivedAt.getEpochSecond()) + receivedAt.getNano() / 1000,
                        TimeUnit.MICROSECONDS)
                .start();
    }

    /** Ends the request's span with what the request came to; {@code event} is empty for a caller never identified. */
    public void finish(RequestContext context, @Nullable UsageEvent event) {
        Span span = context.span();
        if (span == Span.NOOP) {
            return;
        }
        var outcome = context.outcome();
        context.facts().ifPresent(facts -> {
            span.name(GenAiAttributes.operation(context.endpoint()) + " " + facts.recordedModel());
            span.tag(GenAiAttributes.REQUEST_MODEL, facts.recordedModel());
        });
        context.caller().ifPresent(caller -> {
            span.tag(TENANT, caller.tenant().slug());
            span.tag(APP, caller.app().id().toString());
        });
        context.route().ifPresent(route -> {
            span.tag(GenAiAttributes.RESPONSE_MODEL, route.model().name());
            span.tag(GenAiAttributes.PROVIDER, GenAiAttributes.provider(route.provider().type()));
        });
        if (event != null) {
            span.tag(GenAiAttributes.INPUT_TOKENS, event.promptTokens());
            span.tag(GenAiAttributes.OUTPUT_TOKENS, event.completionTokens());
        }
        span.tag(GenAiAttributes.STATUS, outcome.status());
        span.tag(ATTEMPTS, outcome.attempts());
        outcome.errorType().ifPresent(error -> span.tag(GenAiAttributes.ERROR_TYPE, error));
        span.end();
    }

    /** Starts the span of one provider attempt, a child of the request's. */
    public Span attempt(RequestContext context, Route route) {
        Span parent = context.span();
        if (tracer == null || parent == Span.NOOP) {
            return Span.NOOP;
        }
        String operation = GenAiAttributes.operation(context.endpoint());
        return tracer.spanBuilder().setParent(parent.context())
                .name(operation + " " + route.deployment().upstreamModel())
                .kind(Span.Kind.CLIENT)
                .tag(GenAiAttributes.OPERATION, operation)
                .tag(GenAiAttributes.PROVIDER, GenAiAttributes.provider(route.provider().type()))
                .tag(GenAiAttributes.REQUEST_MODEL, route.deployment().upstreamModel())
                .tag(DEPLOYMENT, route.deployment().id().toString())
                .start();
    }

    /** Ends an attempt's span; {@code failure} is what made it fail, null when it answered or was cancelled. */
    public static void attemptEnded(Span span, @Nullable Rejection failure) {
        if (span == Span.NOOP) {
            return;
        }
        if (failure != null) {
            span.tag(GenAiAttributes.STATUS, failure.status());
            span.tag(GenAiAttributes.ERROR_TYPE, failure.code() != null ? failure.code() : failure.type());
        }
        span.end();
    }

    /** The attempt's provider call, its request carrying the span's trace context. */
    public <T> Mono<T> carry(Span span, Mono<T> call) {
        return span == Span.NOOP ? call : call.contextWrite(upstream(span));
    }

    /** The attempt's provider stream, its request carrying the span's trace context. */
    public <T> Flux<T> carry(Span span, Flux<T> events) {
        return span == Span.NOOP ? events : events.contextWrite(upstream(span));
    }

    private Context upstream(Span span) {
        Map<String, String> headers = new HashMap<>(4);
        if (propagator != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return Context.of(UpstreamHttp.TRACE_HEADERS, headers);
    }
}
