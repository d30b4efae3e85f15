package io.tollgate.gateway.api;

import io.tollgate.gateway.auth.ApiKeyPolicy;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.metering.ClientTags;
import io.tollgate.gateway.metering.EventIds;
import io.tollgate.gateway.metering.MeteringQueue;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.CacheHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.tracing.RequestTracing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Every model endpoint (chat, completions, embeddings, Anthropic's messages, and any added later) enters here: guards
 * on the envelope (readiness, room in the usage journal, content type, size), then the whole policy chain, then the
 * provider call and its metering. Anthropic's token counting shares the guards and the chain's first policies.
 */
@Component
public class ModelRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ModelRequestHandler.class);

    /** Set when a budget downgrade served a cheaper model than the one requested. */
    public static final String DOWNGRADED_FROM_HEADER = "x-tollgate-downgraded-from";

    private final SnapshotHolder snapshots;
    private final PolicyChain chain;
    private final ProviderCall providerCall;
    private final RequestEnd end;
    private final ErrorWriter errors;
    private final ApiProperties properties;
    private final MeteringQueue metering;
    private final RequestTracing tracing;
    private final TokenCounter tokens;
    private final Clock clock;

    public ModelRequestHandler(SnapshotHolder snapshots, PolicyChain chain, ProviderCall providerCall,
                               RequestEnd end, ErrorWriter errors, ApiProperties properties, MeteringQueue metering,
                               RequestTracing tracing, TokenCounter tokens, Clock clock) {
        this.snapshots = snapshots;
        this.chain = chain;
        this.providerCall = providerCall;
        this.end = end;
        this.errors = errors;
        this.properties = properties;
        this.metering = metering;
        this.tracing = tracing;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * @param headers         the request's headers
     * @param responseHeaders the response's headers, which the policies fill in (rate limits, downgrades)
     */
    Mono<Reply> handle(HttpServerRequest request, HttpHeaders headers, HttpHeaders responseHeaders, Endpoint endpoint,
                       String requestId) {
        if (!metering.accepting()) {
            return Mono.just(errors.reply(endpoint.errorShape(), MeteringQueue.FULL));
        }
        return receive(request, headers, responseHeaders, endpoint, requestId, this::run);
    }

    /**
     * {@code POST /v1/messages/count_tokens}: the prompt's tokens as the gateway counts them for limits, for a valid
     * key with a subscription to the model (the policies through the subscription check), without calling a provider,
     * drawing on limits or budgets, or recording usage.
     */
    Mono<Reply> countTokens(HttpServerRequest request, HttpHeaders headers, HttpHeaders responseHeaders,
                            String requestId) {
        return receive(request, headers, responseHeaders, Endpoint.MESSAGES, requestId, context -> {
            context.countTokensOnly();
            return chain.applyThrough(context, PolicyOrder.SUBSCRIPTION)
                    .<Reply>map(rejection -> errors.reply(context.endpoint().errorShape(), rejection))
                    .switchIfEmpty(Mono.fromSupplier(() -> Reply.json(200, ("{\"input_tokens\":"
                            + tokens.countPrompt(context.facts().orElseThrow().prompt()) + "}")
                            .getBytes(StandardCharsets.US_ASCII))))
                    .doFinally(signal -> context.complete());
        });
    }

    /** The guards on the envelope, then the body read whole, then {@code then} on the new request's context. */
    private Mono<Reply> receive(HttpServerRequest request, HttpHeaders headers, HttpHeaders responseHeaders,
                                Endpoint endpoint, String requestId, Function<RequestContext, Mono<Reply>> then) {
        long startNanos = System.nanoTime();
        Instant receivedAt = clock.instant();
        var shape = endpoint.errorShape();
        var snapshot = snapshots.current();
        if (snapshot.isEmpty()) {
            return Mono.just(errors.reply(shape, notReady()));
        }
        if (!isJson(headers)) {
            return Mono.just(errors.reply(shape, new Rejection(415, Rejection.INVALID_REQUEST, null,
                    "unsupported_media_type", "The content type must be application/json.")));
        }
        long declaredLength = headers.getContentLength();
        if (declaredLength > properties.maxBodyBytes()) {
            return Mono.just(errors.reply(shape, BodyReader.tooLarge(properties.maxBodyBytes())));
        }
        return BodyReader.read(request, declaredLength, properties.maxBodyBytes())
                .flatMap(body -> then.apply(newContext(headers, responseHeaders, endpoint, body, snapshot.get(),
                        requestId, receivedAt, startNanos)))
                .onErrorResume(RejectedException.class, e -> Mono.just(errors.reply(shape, e.rejection())));
    }

    private Mono<Reply> run(RequestContext context) {
        var decision = chain.apply(context);
        if (PolicyChain.passedAtOnce(decision)) {
            return forward(context);
        }
        // a chain that fails or is abandoned by the client still ends the request (and releases what its policies hold)
        return decision
                .doOnCancel(() -> {
                    context.outcome().failed(RequestEnd.CLIENT_CLOSED, RequestEnd.CLIENT_DISCONNECTED);
                    end.finish(context);
                })
                .flatMap(rejection -> end.refuse(context, rejection))
                .switchIfEmpty(Mono.defer(() -> forward(context)))
                .onErrorResume(failure -> !(failure instanceof RejectedException), failure -> {
                    log.error("Unexpected failure of request {}", context.requestId(), failure);
                    return end.refuse(context, Rejection.internal());
                });
    }

    private Mono<Reply> forward(RequestContext context) {
        context.downgradedFrom().ifPresent(requested -> context.responseHeaders().set(DOWNGRADED_FROM_HEADER, requested));
        return providerCall.forward(context);
    }

    private static boolean isJson(HttpHeaders headers) {
        try {
            var contentType = headers.getContentType();
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private RequestContext newContext(HttpHeaders headers, HttpHeaders responseHeaders, Endpoint endpoint,
                                      byte[] body, ConfigSnapshot snapshot, String requestId, Instant receivedAt,
                                      long startNanos) {
        var context = new RequestContext(EventIds.next(receivedAt), requestId, receivedAt, startNanos, endpoint,
                ClientTags.canonical(headers.getFirst(ClientTags.HEADER)).orElse(null), body, snapshot,
                ApiKeyPolicy.presentedKey(headers), responseHeaders);
        context.span(tracing.request(headers, endpoint, receivedAt));
        context.cacheHeaders(new CacheHeaders(headers.getFirst(CacheHeaders.MODE), headers.getFirst(CacheHeaders.TTL)));
        context.requestHeaders(headers);
        return context;
    }

    static Rejection notReady() {
        return Rejection.unavailable("not_ready", "The gateway has not loaded its configuration yet; retry shortly.");
    }
}
