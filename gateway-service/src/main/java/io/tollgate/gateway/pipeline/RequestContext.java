package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.tracing.Span;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The state of one model request, from arrival to its usage event: filled in by the policies in chain order
 * (caller, request facts, subscription, route) and then by the provider call (outcome). One thread at a time
 * touches it, as the reactive pipeline hands the request along.
 */
public final class RequestContext {

    private final UUID eventId;
    private final String requestId;
    private final Instant receivedAt;
    private final long startNanos;
    private final Endpoint endpoint;
    private final @Nullable String tags;
    private final byte[] body;
    private final ConfigSnapshot snapshot;
    private final @Nullable String presentedKey;
    private final List<Runnable> completionCallbacks = new ArrayList<>(2);
    private boolean completed; // guarded by this
    private final AtomicBoolean metered = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final io.netty.handler.codec.http.HttpHeaders responseHeaders;

    private @Nullable Caller caller;
    private @Nullable RequestFacts facts;
    private @Nullable ModelEntry model;
    private @Nullable SubscriptionEntry subscription;
    private List<Route> routes = List.of();
    private @Nullable Route route;
    private long promptTokens = -1;
    private CacheHeaders cacheHeaders = CacheHeaders.NONE;
    private HttpHeaders requestHeaders = HttpHeaders.EMPTY;
    private @Nullable CachePlan cachePlan;
    private byte @Nullable [] canonicalBody;
    private @Nullable String untranslatable;
    private boolean tokenCountOnly;
    private final Outcome outcome = new Outcome();
    private Span span = Span.NOOP;

    public RequestContext(UUID eventId, String requestId, Instant receivedAt, long startNanos, Endpoint endpoint,
                          @Nullable String tags, byte[] body, ConfigSnapshot snapshot,
                          @Nullable String presentedKey,
                          io.netty.handler.codec.http.HttpHeaders responseHeaders) {
        this.eventId = eventId;
        this.requestId = requestId;
        this.receivedAt = receivedAt;
        this.startNanos = startNanos;
        this.endpoint = endpoint;
        this.tags = tags;
        this.body = body;
        this.snapshot = snapshot;
        this.presentedKey = presentedKey;
        this.responseHeaders = responseHeaders;
    }

    /** The authenticated key with its app and tenant. */
    public record Caller(KeyEntry key, AppEntry app, TenantEntry tenant) {
    }

    /**
     * Where the request goes: a deployment of the model that serves it (the requested one, a cheaper one after a
     * budget downgrade, or a fallback).
     */
    public record Route(ModelEntry model, DeploymentEntry deployment, ProviderEntry provider) {
    }

    public UUID eventId() {
        return eventId;
    }

    public String requestId() {
        return requestId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public long startNanos() {
        return startNanos;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The canonical client tags, '' when none were sent. */
    public String tags() {
        return tags == null ? "" : tags;
    }

    /** False when the client sent a malformed tags header. */
    public boolean tagsValid() {
        return tags != null;
    }

    /** The body exactly as the client sent it. */
    public byte[] body() {
        return body;
    }

    /**
     * The body in the canonical (OpenAI) form the adapters take: the client's own on OpenAI's endpoints, its
     * translation on another API's (set by that API's translation policy).
     */
    public byte[] canonicalBody() {
        return canonicalBody != null ? canonicalBody : body;
    }

    /**
     * @param untranslatable what the canonical form had to leave out of the client's body (its own provider can
     *                       still be sent it as it is), null when nothing
     */
    public void canonicalBody(byte[] canonicalBody, @Nullable String untranslatable) {
        this.canonicalBody = canonicalBody;
        this.untranslatable = untranslatable;
    }

    /** What the canonical form could not carry of the client's body, when something. */
    public Optional<String> untranslatable() {
        return Optional.ofNullable(untranslatable);
    }

    /** Whether the request only asks for its prompt's token count (no provider call, nothing billed). */
    public boolean tokenCountOnly() {
        return tokenCountOnly;
    }

    public void countTokensOnly() {
        this.tokenCountOnly = true;
    }

    public ConfigSnapshot snapshot() {
        return snapshot;
    }

    /** The API key as the client presented it; only the authentication policy reads it. */
    public @Nullable String presentedKey() {
        return presentedKey;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    public Optional<RequestFacts> facts() {
        return Optional.ofNullable(facts);
    }

    public void facts(RequestFacts facts) {
        this.facts = facts;
    }

    /** The prompt's tokens, when a policy has already counted them (so metering never counts them twice). */
    public OptionalLong promptTokens() {
        return promptTokens < 0 ? OptionalLong.empty() : OptionalLong.of(promptTokens);
    }

    public void promptTokens(long counted) {
        this.promptTokens = counted;
    }

    public Optional<ModelEntry> model() {
        return Optional.ofNullable(model);
    }

    public Optional<SubscriptionEntry> subscription() {
        return Optional.ofNullable(subscription);
    }

    public void subscribed(ModelEntry model, SubscriptionEntry subscription) {
        this.model = model;
        this.subscription = subscription;
    }

    /**
     * The most completion tokens the request can get, where that is known before it runs: its max_tokens, else its
     * model's maximum output. Limits and budgets each fall back to their own figure when neither is set.
     */
    public OptionalInt completionCap() {
        var requested = facts().orElseThrow().maxTokens();
        return requested.isPresent() ? requested : snapshot.limits().maxOutputTokens(model().orElseThrow().id());
    }

    /** The model the client asked for, when a budget downgrade serves another one instead. */
    public Optional<String> downgradedFrom() {
        if (facts == null || model == null || facts.model().equals(model.name())) {
            return Optional.empty();
        }
        return Optional.of(facts.model());
    }

    /** The route of the current (or last) attempt to call a provider. */
    public Optional<Route> route() {
        return Optional.ofNullable(route);
    }

    public void route(Route route) {
        this.route = route;
    }

    /** The routes the request may take, in the order they are tried. */
    public List<Route> routes() {
        return routes;
    }

    public void routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public CacheHeaders cacheHeaders() {
        return cacheHeaders;
    }

    public void cacheHeaders(CacheHeaders headers) {
        this.cacheHeaders = headers;
    }

    /** The headers the client sent, for a client API that forwards the few of its own that its provider reads. */
    public HttpHeaders requestHeaders() {
        return requestHeaders;
    }

    public void requestHeaders(HttpHeaders headers) {
        this.requestHeaders = headers;
    }

    /** Present when the response cache may answer the request or keep its answer. */
    public Optional<CachePlan> cachePlan() {
        return Optional.ofNullable(cachePlan);
    }

    public void cachePlan(CachePlan plan) {
        this.cachePlan = plan;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Headers the policies add to the response, whatever it turns out to be (answer, stream or error). */
    public io.netty.handler.codec.http.HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    /** Runs when the request is over, whatever its end (completed, refused, failed, cancelled). */
    public void onCompletion(Runnable callback) {
        synchronized (this) {
            if (!completed) {
                completionCallbacks.add(callback);
                return;
            }
        }
        callback.run(); // registered after the request ended (a cancel raced its policies): released at once
    }

    /** True the first time only: a request is metered exactly once, however it ends. */
    public boolean markMetered() {
        return metered.compareAndSet(false, true);
    }

    /** True the first time only: what follows a request's end (its span, its access log line) happens once. */
    public boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    /** The request's trace span; {@link Span#NOOP} when tracing is off. */
    public Span span() {
        return span;
    }

    public void span(Span span) {
        this.span = span;
    }

    /**
     * Runs the completion callbacks, once however many endings race (a client's cancel and the answer): each gives
     * back what a policy holds, such as a concurrency permit, exactly once.
     */
    public void complete() {
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
        }
        completionCallbacks.forEach(Runnable::run); // no callback is added once completed is set
    }
}
