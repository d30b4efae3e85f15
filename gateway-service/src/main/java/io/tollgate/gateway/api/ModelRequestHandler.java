package io.tollgate.gateway.api;

import io.netty.util.AsciiString;
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
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every model endpoint (chat, completions, embeddings, Anthropic's messages, and any added later) enters here: guards
 * on the envelope (readiness, room in the usage journal, content type, size), then the whole policy chain, then the
 * provider call and its metering. Anthropic's token counting shares the guards and the chain's first policies.
 */
@Component
public class ModelRequestHandler {

    private static final Logger log = LoggerFactory.getLogger(ModelRequestHandler.class);

    /** Set when a budget downgrade served a cheaper model than the one requested. */
    static final AsciiString DOWNGRADED_FROM_HEADER = AsciiString.cached("x-tollgate-downgraded-from");

    private final SnapshotHolder snapshots;
    private final PolicyChain chain;
    private final ProviderCall providerCall;
    private final RequestEnd end;
    private final ErrorWriter errors;
    private final ApiProperties properties;
    private final MeteringQueue metering;
    private final RequestTracing tracing;
    private final TokenCounter tokens;

    public ModelRequestHandler(SnapshotHolder snapshots, PolicyChain chain, ProviderCall providerCall,
                               RequestEnd end, ErrorWriter errors, ApiProperties properties, MeteringQueue metering,
                               RequestTracing tracing, TokenCounter tokens) {
        this.snapshots = snapshots;
        this.chain = chain;
        this.providerCall = providerCall;
        this.end = end;
        this.errors = errors;
        this.properties = properties;
        this.metering = metering;
        this.tracing = tracing;
        this.tokens = tokens;
    }

    /** A model request whose headers have arrived: where it goes, and what the gateway knew of it then. */
    record Arrival(Endpoint endpoint, boolean countTokens, HttpHeaders headers,
                   io.netty.handler.codec.http.HttpHeaders responseHeaders,
                   String requestId, Instant receivedAt, long startNanos) {
    }

    /**
     * The guards on the envelope (readiness, room in the usage journal, content type, declared size), before the body
     * is read: a refusal, or null when the body is to be read.
     */
    Reply.@Nullable Json admit(Arrival arrival) {
        var shape = arrival.endpoint().errorShape();
        if (!arrival.countTokens() && !metering.accepting()) {
            return errors.reply(shape, MeteringQueue.FULL);
        }
        if (snapshots.current().isEmpty()) {
            return errors.reply(shape, notReady());
        }
        if (!isJson(arrival.headers())) {
            return errors.reply(shape, new Rejection(415, Rejection.INVALID_REQUEST, null,
                    "unsupported_media_type", "The content type must be application/json."));
        }
        if (arrival.headers().getContentLength() > properties.maxBodyBytes()) {
            return errors.reply(shape, BodyReader.tooLarge(properties.maxBodyBytes()));
        }
        return null;
    }

    int maxBodyBytes() {
        return properties.maxBodyBytes();
    }

    /** An admitted request with its whole body: the policy chain, then the provider call and its metering. */
    Mono<Reply> handle(Arrival arrival, byte[] body) {
        var snapshot = snapshots.current();
        if (snapshot.isEmpty()) {
            return Mono.just(errors.reply(arrival.endpoint().errorShape(), notReady()));
        }
        var context = newContext(arrival, body, snapshot.get());
        return arrival.countTokens() ? countTokens(context) : run(context);
    }

    /**
     * {@code POST /v1/messages/count_tokens}: the prompt's tokens as the gateway counts them for limits, for a valid
     * key with a subscription to the model (the policies through the subscription check), without calling a provider,
     * drawing on limits or budgets, or recording usage.
     */
    private Mono<Reply> countTokens(RequestContext context) {
        context.countTokensOnly();
        return chain.applyThrough(context, PolicyOrder.SUBSCRIPTION)
                .<Reply>map(rejection -> errors.reply(context.endpoint().errorShape(), rejection))
                .switchIfEmpty(Mono.fromSupplier(() -> Reply.json(200, ("{\"input_tokens\":"
                        + tokens.countPrompt(context.facts().orElseThrow().prompt()) + "}")
                        .getBytes(StandardCharsets.US_ASCII))))
                .doFinally(signal -> context.complete());
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

    private RequestContext newContext(Arrival arrival, byte[] body, ConfigSnapshot snapshot) {
        var headers = arrival.headers();
        var context = new RequestContext(EventIds.next(arrival.receivedAt()), arrival.requestId(), arrival.receivedAt(),
                arrival.startNanos(), arrival.endpoint(),
                ClientTags.canonical(headers.getFirst(ClientTags.HEADER)).orElse(null), body, snapshot,
                ApiKeyPolicy.presentedKey(headers), arrival.responseHeaders());
        context.span(tracing.request(headers, arrival.endpoint(), arrival.receivedAt()));
        String cacheMode = headers.getFirst(CacheHeaders.MODE);
        String cacheTtl = headers.getFirst(CacheHeaders.TTL);
        context.cacheHeaders(cacheMode == null && cacheTtl == null ? CacheHeaders.NONE
                : new CacheHeaders(cacheMode, cacheTtl));
        context.requestHeaders(headers);
        return context;
    }

    static Rejection notReady() {
        return Rejection.unavailable("not_ready", "The gateway has not loaded its configuration yet; retry shortly.");
    }
}
