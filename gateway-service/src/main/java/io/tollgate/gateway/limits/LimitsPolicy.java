package io.tollgate.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.model.common.TokenUsage;
import io.tollgate.model.plan.PlanLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The subscription's limits (the plan's, overridden per subscription) per app+model, and the tenant's ceilings, in
 * the order a caller can act on them: per-request maximums (400), concurrency (429 at once), then the request and
 * token rates (429 with retry-after). Tokens are reserved from an estimate (the prompt's o200k_base tokens plus
 * max_tokens, or the model's default) and settled with the metered usage when the request ends.
 */
@Component
public class LimitsPolicy implements GatewayPolicy {

    private final RateLimiter rates;
    private final ConcurrencyLimiter concurrency;
    private final TokenCounter tokens;
    private final LimitsProperties properties;
    private final BucketStore store;
    /** The limits of each app, model and settings seen, so that a request does not build their keys again. */
    private final Cache<Limit.Owners, List<Limit>> limits = Caffeine.newBuilder().maximumSize(100_000).build();

    LimitsPolicy(RateLimiter rates, ConcurrencyLimiter concurrency, TokenCounter tokens, LimitsProperties properties,
                 BucketStore store) {
        this.rates = rates;
        this.concurrency = concurrency;
        this.tokens = tokens;
        this.properties = properties;
        this.store = store;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var caller = context.caller().orElseThrow();
        var model = context.model().orElseThrow();
        PlanLimits own = context.subscription().orElseThrow().limits();
        PlanLimits ceiling = context.snapshot().limits().tenantCeiling(caller.tenant().id());
        List<Limit> rateLimits = limits.get(new Limit.Owners(caller.tenant().id(), caller.app().id(), model.id(), own,
                ceiling), Limit::of);
        boolean countTokens = anyCountsTokens(rateLimits) || own.maxTokensPerRequest().isPresent()
                && upperBoundOfPromptTokens(context) > own.maxTokensPerRequest().getAsLong();
        long promptTokens = countTokens ? promptReservation(context, own) : 0;
        var refusal = overRequestMaximum(context, own, promptTokens);
        if (refusal.isEmpty()) {
            refusal = acquirePermits(context, own, ceiling);
        }
        if (refusal.isPresent()) {
            return Mono.just(refusal.get());
        }
        if (rateLimits.isEmpty()) {
            return Mono.empty();
        }
        long reserve = Math.max(1, promptTokens + completionReserve(context));
        String modelName = context.facts().orElseThrow().model();
        for (Limit limit : rateLimits) {
            if (limit.countsTokens() && reserve > limit.capacity()) {
                return Mono.just(LimitRejections.largerThanLimit(limit, modelName, reserve));
            }
        }
        var admission = rates.admit(rateLimits, reserve);
        if (admission.isDone()) {
            return decide(context, admission.join(), modelName);
        }
        // Redis's I/O threads must not run the rest of the chain
        return Mono.fromFuture(admission).publishOn(Schedulers.parallel()).flatMap(done -> decide(context, done, modelName));
    }

    /**
     * The prompt's tokens to reserve: counted, or bounded without counting; a bound above the per-request maximum is
     * replaced by the count, so that only a prompt truly over it is refused.
     */
    private long promptReservation(RequestContext context, PlanLimits own) {
        var prompt = context.facts().orElseThrow().prompt();
        if (properties.promptReservation() == LimitsProperties.PromptReservation.BOUND) {
            long bound = tokens.promptBound(prompt);
            var max = own.maxTokensPerRequest();
            if (max.isEmpty() || bound <= max.getAsLong()) {
                return bound;
            }
        }
        long counted = tokens.countPrompt(prompt);
        context.promptTokens(counted);
        return counted;
    }

    /**
     * No prompt has more tokens than this, so a prompt under a per-request maximum needs no counting: a token is at
     * least one byte of the prompt's text, which the body holds (escapes only make it longer), and each message's
     * few overhead tokens take fewer bytes than the message's JSON.
     */
    private static long upperBoundOfPromptTokens(RequestContext context) {
        return 2L * context.body().length + TokenCounter.REPLY_OVERHEAD;
    }

    private static Optional<Rejection> overRequestMaximum(RequestContext context, PlanLimits own, long promptTokens) {
        if (own.maxTokensPerRequest().isEmpty()) {
            return Optional.empty();
        }
        long max = own.maxTokensPerRequest().getAsLong();
        var facts = context.facts().orElseThrow();
        var maxTokens = facts.maxTokens();
        if (maxTokens.isPresent() && maxTokens.getAsInt() > max) {
            return Optional.of(LimitRejections.overRequestMaximum("max_tokens", "max_tokens asks for",
                    maxTokens.getAsInt(), max));
        }
        // n choices of max_tokens each: the request generates up to their product
        if (maxTokens.isPresent() && (long) maxTokens.getAsInt() * facts.choices() > max) {
            return Optional.of(LimitRejections.overRequestMaximum("n", "n x max_tokens asks for",
                    (long) maxTokens.getAsInt() * facts.choices(), max));
        }
        if (promptTokens > max) {
            return Optional.of(LimitRejections.overRequestMaximum(context.endpoint().inputField(), "The prompt has",
                    promptTokens, max));
        }
        return Optional.empty();
    }

    private Optional<Rejection> acquirePermits(RequestContext context, PlanLimits own, PlanLimits ceiling) {
        var caller = context.caller().orElseThrow();
        if (own.maxConcurrentRequests().isPresent()) {
            long max = own.maxConcurrentRequests().getAsLong();
            var release = concurrency.tryAcquire(
                    new ConcurrencyLimiter.AppModel(caller.app().id(), context.model().orElseThrow().id()), max);
            if (release.isEmpty()) {
                return refusedAtOnce(context, LimitRejections.tooManyConcurrent(Limit.APP, max));
            }
            context.onCompletion(release.get());
        }
        if (ceiling.maxConcurrentRequests().isPresent()) {
            long max = ceiling.maxConcurrentRequests().getAsLong();
            var release = concurrency.tryAcquire(new ConcurrencyLimiter.Tenant(caller.tenant().id()), max);
            if (release.isEmpty()) {
                return refusedAtOnce(context, LimitRejections.tooManyConcurrent(Limit.TENANT, max));
            }
            context.onCompletion(release.get());
        }
        return Optional.empty();
    }

    private static Optional<Rejection> refusedAtOnce(RequestContext context, Rejection rejection) {
        RateLimitHeaders.retryAfter(context.responseHeaders(), 1);
        return Optional.of(rejection);
    }

    /**
     * The completion tokens to reserve: max_tokens, else the model's maximum output, else the configured default, for
     * each of the request's choices (n).
     */
    private long completionReserve(RequestContext context) {
        return context.endpoint() == Endpoint.EMBEDDINGS ? 0
                : (long) context.completionCap().orElse(properties.defaultMaxTokens())
                * context.facts().orElseThrow().choices();
    }

    private static boolean anyCountsTokens(List<Limit> limits) {
        for (Limit limit : limits) {
            if (limit.countsTokens()) {
                return true;
            }
        }
        return false;
    }

    /** The token limits' draws of an admitted request (plain loops: this runs for every request). */
    private static List<Draw> tokenReservations(Admission admission) {
        List<Draw> reservations = List.of();
        for (Draw draw : admission.draws()) {
            if (draw.consumed() && draw.limit().countsTokens()) {
                if (reservations.isEmpty()) {
                    reservations = new ArrayList<>(2);
                }
                reservations.add(draw);
            }
        }
        return reservations;
    }

    private Mono<Rejection> decide(RequestContext context, Admission admission, String modelName) {
        RateLimitHeaders.write(context.responseHeaders(), admission.draws());
        var refusedBy = admission.refusedBy();
        if (refusedBy.isPresent()) {
            long waitNanos = admission.draws().stream().filter(Draw::rejected)
                    .mapToLong(draw -> Objects.requireNonNull(draw.probe()).getNanosToWaitForRefill()).max().orElse(0);
            long seconds = RateLimitHeaders.retryAfterSeconds(waitNanos);
            RateLimitHeaders.retryAfter(context.responseHeaders(), seconds);
            return Mono.just(LimitRejections.rateLimited(refusedBy.get().limit(), modelName, seconds));
        }
        if (admission.storeFailed() && properties.redisFailMode() == LimitsProperties.FailMode.CLOSED) {
            return Mono.just(LimitRejections.storeUnavailable());
        }
        var reservations = tokenReservations(admission);
        if (!reservations.isEmpty()) {
            context.onCompletion(() -> rates.reconcile(reservations,
                    context.outcome().usage().map(TokenUsage::total).orElse(0L)));
        }
        return Mono.empty();
    }

    @Override
    public int getOrder() {
        return PolicyOrder.LIMITS;
    }

    @Override
    public String toString() {
        return "LimitsPolicy[" + PolicyOrder.LIMITS + "] " + store;
    }
}
