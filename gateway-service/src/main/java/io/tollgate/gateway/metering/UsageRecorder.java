package io.tollgate.gateway.metering;

import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.model.catalog.EffectivePrice;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a finished request into its one usage event: usage (reported, or counted and marked estimated), the exact
 * cost at the price in effect when the request arrived (a response cache hit: at the plan's cache-hit price), timings and status. Queues it; never touches the database.
 */
@Component
public class UsageRecorder {

    private final MeteringQueue queue;
    private final TokenCounter tokens;
    private final GatewayMetrics metrics;
    private final List<UsageListener> listeners;

    public UsageRecorder(MeteringQueue queue, TokenCounter tokens, GatewayMetrics metrics, List<UsageListener> listeners) {
        this.queue = queue;
        this.tokens = tokens;
        this.metrics = metrics;
        this.listeners = listeners;
    }

    /** Records the request once (later calls return empty); the event, for the cost header. */
    public Optional<UsageEvent> record(RequestContext context) {
        var caller = context.caller();
        if (caller.isEmpty() || !context.markMetered()) {
            return Optional.empty();
        }
        var outcome = context.outcome();
        // a cached answer came from no provider, whatever route the request had planned; no Optional chains below:
        // each step of one is an allocation, and this runs for every request
        Route route = outcome.isCacheHit() ? null : context.route().orElse(null);
        TokenUsage usage = outcome.usage().orElse(TokenUsage.ZERO);
        // the served model's price: a fallback is billed as what it is
        EffectivePrice price = route == null || !outcome.billed() ? null
                : context.snapshot().prices(route.model().id()).at(context.receivedAt()).orElse(null);
        Money cost = outcome.isCacheHit() ? cacheHitCost(caller.get().tenant(), outcome.cachedAnswerTokens())
                : price == null ? Money.ZERO : price.rates().costOf(usage);
        var facts = context.facts().orElse(null);
        long now = System.nanoTime();
        var event = new UsageEvent(context.eventId(), context.receivedAt(), caller.get().tenant().id(),
                caller.get().app().id(), caller.get().key().id(), context.endpoint().name(),
                facts == null ? "" : facts.recordedModel(),
                route != null ? route.model().name() : cachedModel(context).orElse(null),
                route == null ? null : route.provider().id(), route == null ? null : route.deployment().id(),
                route == null ? null : route.deployment().upstreamModel(), price == null ? null : price.priceId(),
                Math.toIntExact(usage.promptTokens()), Math.toIntExact(usage.completionTokens()),
                Math.toIntExact(usage.cachedPromptTokens()), Math.toIntExact(usage.reasoningTokens()),
                outcome.usageEstimated(), cost.amount(), millis(now - context.startNanos()),
                outcome.firstTokenNanos() < 0 ? null : millis(outcome.firstTokenNanos() - context.startNanos()),
                outcome.status(), outcome.errorType().orElse(null), outcome.isStreamed(), context.tags(),
                Math.toIntExact(usage.cacheWriteTokens()), outcome.attempts(), outcome.isCacheHit());
        listeners.forEach(listener -> listener.queued(event));
        queue.offer(event);
        metrics.recorded(event, caller.get().tenant().slug(), route == null ? "none" : route.provider().name(),
                upstreamNanos(context), context.snapshot());
        return Optional.of(event);
    }

    /** A hit at the tenant's plan's cache-hit price, on the tokens the answer used when it was kept; free by default. */
    private static Money cacheHitCost(TenantEntry tenant, long answerTokens) {
        var perMillion = tenant.cacheHitPerMillion();
        return perMillion.signum() == 0 ? Money.ZERO
                : Money.of(perMillion.multiply(BigDecimal.valueOf(answerTokens)).movePointLeft(6));
    }

    /** Counts what the provider did not report: the prompt from the request, the completion from the generated text. */
    public TokenUsage estimate(RequestContext context, String generated) {
        long prompt = context.promptTokens()
                .orElseGet(() -> tokens.countPrompt(context.facts().orElseThrow().prompt()));
        return TokenUsage.of(prompt, tokens.count(generated));
    }

    /** A cached answer was served by no route; it is the model the request was for (after a budget downgrade). */
    private static Optional<String> cachedModel(RequestContext context) {
        return context.outcome().isCacheHit() ? context.model().map(model -> model.name()) : Optional.empty();
    }

    private static @Nullable Long upstreamNanos(RequestContext context) {
        long done = context.outcome().upstreamNanos();
        return done < 0 ? null : done - context.startNanos();
    }

    private static int millis(long nanos) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos));
    }
}
