package io.tollgate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tollgate.gateway.provider.ProviderRateLimits;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway knows of one deployment right now: its circuit breaker, the requests in flight on it, a moving
 * average of its latency, what it used of its provider capacity, until when a provider's {@code retry-after} keeps it
 * out of the rotation, and until when a failed health check (here, or another replica's breaker or check shared
 * through Redis) keeps it out. Times that replicas share are epoch milliseconds; the others are {@code nanoTime}.
 */
final class DeploymentHealth {

    /** Weight of the newest latency in the moving average. */
    private static final double LATENCY_SMOOTHING = 0.2;

    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CapacityWindow requests = new CapacityWindow();
    private final CapacityWindow tokens = new CapacityWindow();
    private final ReportedLimit providerRequests = new ReportedLimit();
    private final ReportedLimit providerTokens = new ReportedLimit();
    private volatile double latencyNanos = -1;
    private volatile boolean cooling;
    private volatile long coolingUntilNanos;
    private volatile long checkDownUntilMillis;
    private volatile long breakerOpenUntilMillis;
    private volatile long sharedOutUntilMillis;
    /** The breaker's state when last looked at, to note its openings and closings ({@link #noteBreaker()}). */
    private volatile CircuitBreaker.State breakerSeen;
    private final @Nullable SharedUse shared;
    private final LongSupplier wallMillis;
    private final long breakerOpenForMillis;

    /**
     * @param shared               what the replicas together used of the provider capacity, null when nothing is shared
     * @param wallMillis           the wall clock, in epoch milliseconds
     * @param breakerOpenForMillis how long the breaker stays open before it lets probes through
     */
    DeploymentHealth(CircuitBreaker breaker, @Nullable SharedUse shared, LongSupplier wallMillis,
                     long breakerOpenForMillis) {
        this.breaker = breaker;
        this.shared = shared;
        this.wallMillis = wallMillis;
        this.breakerOpenForMillis = breakerOpenForMillis;
        this.breakerSeen = breaker.getState();
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Whether a provider's {@code retry-after} still keeps this deployment out of the rotation. */
    boolean coolingDown(long nowNanos) {
        return cooling && nowNanos - coolingUntilNanos < 0;
    }

    /** Whether a failed health check, or another replica's open breaker or check, keeps it out of the rotation. */
    boolean outOfRotation(long nowMillis) {
        return checkDownUntilMillis > nowMillis || sharedOutUntilMillis > nowMillis;
    }

    /** A health check failed: out of the rotation until that time, unless a check passes first. */
    void checkFailed(long untilMillis) {
        checkDownUntilMillis = untilMillis;
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            breaker.transitionToOpenState();
        }
        noteBreaker();
    }

    /** A health check passed: back in the rotation, its breaker closed, whatever opened it. */
    void checkPassed() {
        checkDownUntilMillis = 0;
        var state = breaker.getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.HALF_OPEN) {
            breaker.transitionToClosedState();
        }
        noteBreaker();
    }

    /**
     * Notes a change of the breaker's state since it was last looked at, after each call that can change it: an
     * opening at this replica keeps the deployment out until the open time has passed, to be shared with the other
     * replicas; a closing ends that. (A listener on the breaker's transitions would see the same, but with a listener
     * the breaker makes an event, with a reading of the wall clock, for every call's outcome.)
     */
    private void noteBreaker() {
        var state = breaker.getState();
        if (state == breakerSeen) {
            return;
        }
        breakerSeen = state;
        switch (state) {
            case OPEN, FORCED_OPEN -> breakerOpenUntilMillis = wallMillis.getAsLong() + breakerOpenForMillis;
            case CLOSED -> breakerOpenUntilMillis = 0;
            default -> {
                // half-open: the open time has passed by itself
            }
        }
    }

    /** Until when this replica keeps the deployment out (breaker or health check), 0 when it is not out. */
    long localOutUntil() {
        return Math.max(checkDownUntilMillis, breakerOpenUntilMillis);
    }

    /** Until when the replicas together keep it out, as last read from the shared store; 0 for none. */
    void sharedOutUntil(long untilMillis) {
        sharedOutUntilMillis = untilMillis;
    }

    /** Takes the breaker's permit for a call; false when the breaker refuses it. */
    boolean acquire() {
        boolean permitted = breaker.tryAcquirePermission();
        noteBreaker();
        return permitted;
    }

    /** Whether one more request fits the provider's requests per minute. */
    boolean hasRequestCapacity(long perMinute, long nowNanos, long nowMillis) {
        if (!providerRequests.allows(1, nowNanos)) {
            return false;
        }
        long used = requests.used(nowNanos);
        if (shared != null && shared.fresh(nowMillis)) {
            used = Math.max(used, shared.requests(nowMillis));
        }
        return used + 1 <= perMinute;
    }

    /** Whether a request of that many tokens fits the provider's tokens per minute. */
    boolean hasTokenCapacity(long perMinute, long requestTokens, long nowNanos, long nowMillis) {
        if (!providerTokens.allows(requestTokens, nowNanos)) {
            return false;
        }
        long used = tokens.used(nowNanos);
        if (shared != null && shared.fresh(nowMillis)) {
            used = Math.max(used, shared.tokens(nowMillis));
        }
        return used + requestTokens <= perMinute;
    }

    /** A call starts; its tokens count against the capacity only where one is known (0 otherwise). */
    void started(long requestTokens, long nowNanos) {
        inFlight.incrementAndGet();
        requests.add(1, nowNanos);
        providerRequests.take(1, nowNanos);
        if (requestTokens > 0) {
            tokens.add(requestTokens, nowNanos);
            providerTokens.take(requestTokens, nowNanos);
        }
        if (shared != null) {
            shared.started(requestTokens);
        }
    }

    /** The provider said what is left of its limits (at {@code nowNanos}, when its answer arrived). */
    void reported(ProviderRateLimits limits, long nowNanos) {
        if (limits.knowsRequests()) {
            providerRequests.report(limits.remainingRequests(), limits.requestsResetNanos(), nowNanos);
        }
        if (limits.knowsTokens()) {
            providerTokens.report(limits.remainingTokens(), limits.tokensResetNanos(), nowNanos);
        }
    }

    /** What the replicas together used, when they share it; empty when this replica counts alone. */
    Optional<SharedUse> sharedUse() {
        return Optional.ofNullable(shared);
    }

    void succeeded(long latency) {
        inFlight.decrementAndGet();
        breaker.onSuccess(latency, TimeUnit.NANOSECONDS);
        noteBreaker();
        double previous = latencyNanos;
        latencyNanos = previous < 0 ? latency : previous + LATENCY_SMOOTHING * (latency - previous);
    }

    void failed(long latency, Throwable failure, long coolDownNanos, long nowNanos) {
        inFlight.decrementAndGet();
        breaker.onError(latency, TimeUnit.NANOSECONDS, failure);
        noteBreaker();
        if (coolDownNanos > 0) {
            coolingUntilNanos = nowNanos + coolDownNanos;
            cooling = true;
        }
    }

    /** A call that ended without telling anything about the provider (the client went away, the request was bad). */
    void ended() {
        inFlight.decrementAndGet();
        breaker.releasePermission();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** The moving average of latency in nanoseconds, or -1 before the first success. */
    double latencyNanos() {
        return latencyNanos;
    }

    /**
     * What the live routing view shows of this deployment, read from what the request path keeps anyway (from any
     * thread: the counters are atomic or volatile, the breaker's window lock-free).
     */
    LiveState live(long nowNanos) {
        var metrics = breaker.getMetrics();
        return new LiveState(breaker.getState(), latencyNanos, metrics.getNumberOfBufferedCalls(),
                metrics.getNumberOfFailedCalls(), inFlight.get(), requests.used(nowNanos), tokens.used(nowNanos));
    }

    /**
     * @param latencyNanos       moving average, -1 before the first success
     * @param windowCalls        calls in the breaker's sliding window
     * @param windowFailedCalls  of which failed
     * @param requestsLastMinute requests started here over the last minute
     * @param tokensLastMinute   tokens they reserved, counted only where a token capacity is set
     */
    record LiveState(CircuitBreaker.State breaker, double latencyNanos, int windowCalls, int windowFailedCalls,
                     int inFlight, long requestsLastMinute, long tokensLastMinute) {
    }
}
