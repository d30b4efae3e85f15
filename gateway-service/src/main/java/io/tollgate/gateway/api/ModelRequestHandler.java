package io.tollgate.gateway.api;

import io.tollgate.gateway.auth.ApiKeyPolicy;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.ClientTags;
import io.tollgate.gateway.metering.EventIds;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Every model endpoint (chat, completions, embeddings, and any added later) enters here: guards on the envelope
 * (readiness, content type, size), then the whole policy chain, then the provider call and its metering.
 */
@Component
public class ModelRequestHandler {

    /** Set when a budget downgrade served a cheaper model than the one requested. */
    public static final String DOWNGRADED_FROM_HEADER = "x-tollgate-downgraded-from";

    private final SnapshotHolder snapshots;
    private final PolicyChain chain;
    private final ProviderCall providerCall;
    private final Refusals refusals;
    private final ErrorWriter errors;
    private final ApiProperties properties;
    private final Clock clock;

    public ModelRequestHandler(SnapshotHolder snapshots, PolicyChain chain, ProviderCall providerCall,
                               Refusals refusals, ErrorWriter errors, ApiProperties properties, Clock clock) {
        this.snapshots = snapshots;
        this.chain = chain;
        this.providerCall = providerCall;
        this.refusals = refusals;
        this.errors = errors;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<ServerResponse> handle(ServerRequest request, Endpoint endpoint) {
        long startNanos = System.nanoTime();
        Instant receivedAt = clock.instant();
        String requestId = RequestIds.apply(request.exchange());
        var snapshot = snapshots.current();
        if (snapshot.isEmpty()) {
            return errors.response(notReady());
        }
        var contentType = request.headers().contentType();
        if (contentType.isEmpty() || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType.get())) {
            return errors.response(new Rejection(415, Rejection.INVALID_REQUEST, null, "unsupported_media_type",
                    "The content type must be application/json."));
        }
        if (request.headers().contentLength().orElse(0) > properties.maxBodyBytes()) {
            return errors.response(BodyReader.tooLarge(properties.maxBodyBytes()));
        }
        return BodyReader.read(request, properties.maxBodyBytes())
                .flatMap(body -> run(request, newContext(request, endpoint, body, snapshot.get(), requestId, receivedAt, startNanos)))
                .onErrorResume(RejectedException.class, e -> errors.response(e.rejection()));
    }

    private Mono<ServerResponse> run(ServerRequest request, RequestContext context) {
        var decision = chain.apply(context);
        if (PolicyChain.passedAtOnce(decision)) {
            return forward(request, context);
        }
        // a chain that fails or is abandoned by the client still releases what its policies hold (permits, reservations)
        return decision.doOnError(failure -> context.complete()).doOnCancel(context::complete)
                .flatMap(rejection -> refusals.refuse(context, rejection))
                .switchIfEmpty(Mono.defer(() -> forward(request, context)));
    }

    private Mono<ServerResponse> forward(ServerRequest request, RequestContext context) {
        context.downgradedFrom().ifPresent(requested ->
                request.exchange().getResponse().getHeaders().set(DOWNGRADED_FROM_HEADER, requested));
        return providerCall.forward(context);
    }

    private static RequestContext newContext(ServerRequest request, Endpoint endpoint, byte[] body,
                                             ConfigSnapshot snapshot, String requestId, Instant receivedAt, long startNanos) {
        var headers = request.headers().asHttpHeaders();
        return new RequestContext(EventIds.next(receivedAt), requestId, receivedAt, startNanos, endpoint,
                ClientTags.canonical(headers.getFirst(ClientTags.HEADER)).orElse(null), body, snapshot,
                ApiKeyPolicy.presentedKey(headers), request.exchange().getResponse().getHeaders());
    }

    static Rejection notReady() {
        return Rejection.unavailable("not_ready", "The gateway has not loaded its configuration yet; retry shortly.");
    }
}
