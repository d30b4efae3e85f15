package io.tollgate.gateway.routing;

import io.micrometer.tracing.Span;
import io.netty.util.AsciiString;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import io.tollgate.gateway.provider.ProviderRateLimits;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.tracing.RequestTracing;
import io.tollgate.model.common.TokenUsage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Tries a request's routes in order until one answers. A provider failure that another deployment may not share
 * (429, 5xx, timeouts — a deployment's connect, first-byte, idle or total timeout —, resets, unreachable) moves on to the next
 * route, as long as the request's deadline and its model's retry budget allow; a complaint about the request itself
 * (400, 404, 422) ends it. Streams fail over only
 * before their first event reaches the client. A retryable failure that leaves no other route is retried on the same
 * deployment after a pause (see {@link SameDeploymentRetry}). Each attempt feeds its deployment's breaker, latency, in-flight count
 * and capacity; a provider's {@code retry-after} keeps the deployment out of the rotation for that long (60 s at
 * most). The response says which model served and after how many attempts.
 */
@Component
public class Failover {

    static final AsciiString SERVED_MODEL_HEADER = AsciiString.cached("x-tollgate-served-model");
    static final AsciiString ATTEMPTS_HEADER = AsciiString.cached("x-tollgate-attempts");

    private static final long MAX_COOL_DOWN_NANOS = Duration.ofSeconds(60).toNanos();

    private final DeploymentStates states;
    private final RoutingProperties properties;
    private final AttemptMetrics metrics;
    private final RequestTracing tracing;
    private final Map<UUID, RetryBudget> budgets = new ConcurrentHashMap<>();

    Failover(DeploymentStates states, RoutingProperties properties, AttemptMetrics metrics, RequestTracing tracing) {
        this.states = states;
        this.properties = properties;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** Calls the routes in turn until one answers; the last failure when none does. */
    public <T> Mono<T> call(RequestContext context, Function<Route, Mono<T>> attempt) {
        budget(context).requested(System.nanoTime());
        return call(context, 0, attempt, null, 0);
    }

    /** Opens the routes' streams in turn until one delivers its first event. */
    public ProviderStream stream(RequestContext context, Function<Route, ProviderStream> open) {
        budget(context).requested(System.nanoTime());
        var usage = new LatestUsage();
        return new ProviderStream(stream(context, 0, open, usage, null, 0), usage);
    }

    /**
     * @param last    the previous attempt's failure, null for the first attempt
     * @param retries how often the same deployment was tried again for want of another
     */
    private <T> Mono<T> call(RequestContext context, int from, Function<Route, Mono<T>> attempt,
                             @Nullable RejectedException last, int retries) {
        return Mono.defer(() -> {
            var next = next(context, from);
            if (next == null) {
                long pause = pauseBeforeRetry(context, last, retries);
                return pause < 0 ? Mono.error(exhausted(context, last))
                        : Mono.delay(Duration.ofNanos(pause)).then(call(context, lastIndex(context), attempt, last, retries + 1));
            }
            var run = new AttemptRun(context, next);
            Mono<T> call = attempt.apply(next.route());
            var upstream = upstreamContext(next);
            if (upstream != null) {
                call = call.contextWrite(upstream);
            }
            var deployment = next.route().deployment();
            if (deployment.firstByteTimeout() != null) {
                call = call.timeout(deployment.firstByteTimeout());
            }
            if (deployment.totalTimeout() != null) {
                call = call.timeout(deployment.totalTimeout(), Mono.error(Failover::totalTimeout));
            }
            return tracing.carry(run.span, call)
                    .doOnSuccess(value -> run.succeeded(System.nanoTime() - run.started))
                    .onErrorResume(failure -> {
                        var rejected = run.failed(failure);
                        return run.retryable && canRetry(context)
                                ? call(context, next.index() + 1, attempt, rejected, retries) : Mono.error(rejected);
                    })
                    .doOnCancel(run::cancelled);
        });
    }

    private Flux<byte[]> stream(RequestContext context, int from, Function<Route, ProviderStream> open,
                                LatestUsage usage, @Nullable RejectedException last, int retries) {
        return Flux.defer(() -> {
            var next = next(context, from);
            if (next == null) {
                long pause = pauseBeforeRetry(context, last, retries);
                return pause < 0 ? Flux.error(exhausted(context, last))
                        : Mono.delay(Duration.ofNanos(pause)).thenMany(stream(context, lastIndex(context), open, usage, last, retries + 1));
            }
            var run = new AttemptRun(context, next);
            var stream = open.apply(next.route());
            usage.current = stream.usage();
            Flux<byte[]> events = stream.events();
            var upstream = upstreamContext(next);
            if (upstream != null) {
                events = events.contextWrite(upstream);
            }
            var deployment = next.route().deployment();
            events = withEventTimeouts(events, deployment.firstByteTimeout(), deployment.idleTimeout());
            if (deployment.totalTimeout() != null) {
                events = events.takeUntilOther(Mono.delay(deployment.totalTimeout()).then(Mono.error(Failover::totalTimeout)));
            }
            long[] firstEvent = {-1};
            return tracing.carry(run.span, events)
                    .doOnNext(event -> {
                        if (firstEvent[0] < 0) {
                            firstEvent[0] = System.nanoTime() - run.started;
                        }
                    })
                    .doOnComplete(() -> run.succeeded(firstEvent[0] < 0 ? System.nanoTime() - run.started : firstEvent[0]))
                    .onErrorResume(failure -> {
                        var rejected = run.failed(failure);
                        boolean delivered = firstEvent[0] >= 0;
                        return !delivered && run.retryable && canRetry(context)
                                ? stream(context, next.index() + 1, open, usage, rejected, retries) : Flux.error(rejected);
                    })
                    .doOnCancel(run::cancelled);
        });
    }

    /**
     * One attempt's bookkeeping, the same for calls and streams: its span, and its outcome booked once on its
     * deployment's health and the metrics (a success, a failure, or the client gone before either).
     */
    private final class AttemptRun {

        private final Attempt attempt;
        private final Span span;
        private final long started = System.nanoTime();
        private final AtomicBoolean settled = new AtomicBoolean();
        /** Set by {@link #failed}: whether the failure is worth another route. */
        private boolean retryable;

        AttemptRun(RequestContext context, Attempt attempt) {
            this.attempt = attempt;
            this.span = tracing.attempt(context, attempt.route());
        }

        void succeeded(long latencyNanos) {
            if (settled.compareAndSet(false, true)) {
                attempt.health().succeeded(latencyNanos);
                metrics.answered(attempt.route().provider().name());
                RequestTracing.attemptEnded(span, null);
            }
        }

        /** The failure as the client sees it, booked on the deployment. */
        RejectedException failed(Throwable failure) {
            var rejected = rejection(failure);
            settled.set(true);
            RequestTracing.attemptEnded(span, rejected.rejection());
            retryable = settle(attempt, rejected, started);
            return rejected;
        }

        void cancelled() {
            if (settled.compareAndSet(false, true)) {
                attempt.health().ended();
                RequestTracing.attemptEnded(span, null);
            }
        }
    }

    /** The route the last attempt took: the one a retry for want of another goes back to. */
    private static int lastIndex(RequestContext context) {
        return context.routes().indexOf(context.route().orElseThrow());
    }

    /**
     * Bounds the wait for the first event by the first-byte timeout (the idle timeout when there is none) and the
     * silence after each event by the idle timeout: whole events, so a provider trickling bytes that never complete
     * one is cut too.
     */
    private static Flux<byte[]> withEventTimeouts(Flux<byte[]> events, @Nullable Duration firstByte,
                                                  @Nullable Duration idle) {
        Duration first = firstByte != null ? firstByte : idle;
        if (first == null) {
            return events;
        }
        return events.timeout(Mono.delay(first), event -> idle == null ? Mono.never() : Mono.delay(idle));
    }

    private record Attempt(int index, Route route, DeploymentHealth health) {
    }

    /** The next route from {@code from} whose breaker lets a call through, counted as an attempt; null when none. */
    private @Nullable Attempt next(RequestContext context, int from) {
        var routes = context.routes();
        for (int i = from; i < routes.size(); i++) {
            var route = routes.get(i);
            var health = states.of(route.deployment().id());
            if (health.acquire()) {
                context.route(route);
                context.outcome().attempted();
                var headers = context.responseHeaders();
                headers.set(SERVED_MODEL_HEADER, route.model().name());
                headers.set(ATTEMPTS_HEADER, Integer.toString(context.outcome().attempts()));
                long tokens = route.deployment().tokenCapacity().isPresent()
                        ? context.promptTokens().orElse(0) + context.completionCap().orElse(0) : 0;
                health.started(tokens, System.nanoTime());
                return new Attempt(i, route, health);
            }
        }
        return null;
    }

    /**
     * What the provider call needs to know of its deployment, null when nothing: where the provider's own rate-limit
     * headers go, for a deployment whose capacity is known (they correct what this replica counted; the others' answers
     * skip the headers altogether), and the deployment's own connect and idle timeouts.
     */
    private static @Nullable Context upstreamContext(Attempt attempt) {
        var deployment = attempt.route().deployment();
        Context context = null;
        if (deployment.requestCapacity().isPresent() || deployment.tokenCapacity().isPresent()) {
            var health = attempt.health();
            ProviderRateLimits.Listener listener = limits -> health.reported(limits, System.nanoTime());
            context = Context.of(UpstreamHttp.RATE_LIMITS, listener);
        }
        if (deployment.connectTimeout() != null || deployment.idleTimeout() != null) {
            var timeouts = new UpstreamHttp.Timeouts(deployment.connectTimeout(), deployment.idleTimeout());
            context = context == null ? Context.of(UpstreamHttp.TIMEOUTS, timeouts)
                    : context.put(UpstreamHttp.TIMEOUTS, timeouts);
        }
        return context;
    }

    /** Books a failed attempt on its deployment; whether the failure is worth another deployment. */
    private boolean settle(Attempt attempt, RejectedException failure, long started) {
        var rejection = failure.rejection();
        long elapsed = System.nanoTime() - started;
        if (!retryable(rejection)) {
            // the provider answered; the request was at fault
            attempt.health().succeeded(elapsed);
            metrics.refused(attempt.route().provider().name());
            return false;
        }
        attempt.health().failed(elapsed, failure, coolDown(rejection), System.nanoTime());
        metrics.failed(attempt.route().provider().name());
        return true;
    }

    static boolean retryable(Rejection rejection) {
        return rejection.status() == 429 || rejection.status() >= 500;
    }

    private boolean canRetry(RequestContext context) {
        long now = System.nanoTime();
        return now - context.startNanos() < properties.deadline().toNanos() && budget(context).tryRetry(now);
    }

    /**
     * The pause before the last route is tried again, the failure having left no other; -1 for no retry. The retry
     * budget was charged when the failure was settled.
     */
    private long pauseBeforeRetry(RequestContext context, @Nullable RejectedException last, int retries) {
        if (last == null) {
            return -1;
        }
        long left = properties.deadline().toNanos() - (System.nanoTime() - context.startNanos());
        return SameDeploymentRetry.pauseNanos(retries, last.rejection(), left);
    }

    private static long coolDown(Rejection rejection) {
        if (rejection.status() != 429 || rejection.retryAfter() == null) {
            return 0;
        }
        try {
            return Math.min(MAX_COOL_DOWN_NANOS, Duration.ofSeconds(Long.parseLong(rejection.retryAfter().strip())).toNanos());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static RejectedException rejection(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return Rejection.upstream(504, "upstream_timeout", "The provider did not answer in time (a first-byte or idle timeout).").asException();
        }
        return UpstreamErrors.fromFailure(failure);
    }

    /** The call took longer than its deployment's total timeout: a timeout like any other, worth the next route. */
    private static RejectedException totalTimeout() {
        return Rejection.upstream(504, "upstream_timeout", "The provider did not finish answering within the "
                + "deployment's total timeout.").asException();
    }

    /** Every deployment of the model is out of the rotation (open breakers, failed health checks). */
    static Rejection noneAvailable() {
        return Rejection.unavailable("deployments_unavailable", "Every deployment of this model is failing and "
                + "out of the rotation for now; retry shortly.").retryAfter("1");
    }

    /** The last failure, said to be the last of several when there were; or why no route could be tried. */
    private static RejectedException exhausted(RequestContext context, @Nullable RejectedException last) {
        int attempts = context.outcome().attempts();
        if (last == null) {
            return noneAvailable().asException();
        }
        if (attempts <= 1) {
            return last;
        }
        var rejection = last.rejection();
        return new Rejection(rejection.status(), rejection.type(), rejection.param(), rejection.code(),
                "No deployment could answer (" + attempts + " attempts); the last: " + rejection.message(),
                rejection.retryAfter()).asException();
    }

    private RetryBudget budget(RequestContext context) {
        UUID model = context.model().orElseThrow().id();
        var budget = budgets.get(model);
        return budget != null ? budget : budgets.computeIfAbsent(model, id -> new RetryBudget(
                properties.retryWindow().toNanos(), properties.retryRatio(), properties.minRetriesPerWindow()));
    }

    /** The usage of the attempt whose stream reached the client. */
    private static final class LatestUsage implements ProviderStream.Usage {

        private volatile ProviderStream.@Nullable Usage current;

        @Override
        public Optional<TokenUsage> reported() {
            var usage = current;
            return usage == null ? Optional.empty() : usage.reported();
        }

        @Override
        public String generatedText() {
            var usage = current;
            return usage == null ? "" : usage.generatedText();
        }
    }
}
