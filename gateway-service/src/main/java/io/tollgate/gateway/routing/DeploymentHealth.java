package io.tollgate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway knows of one deployment right now: its circuit breaker, the requests in flight on it, a moving
 * average of its latency, what it used of its provider capacity, and until when a provider's {@code retry-after}
 * keeps it out of the rotation.
 */
final class DeploymentHealth {

    /** Weight of the newest latency in the moving average. */
    private static final double LATENCY_SMOOTHING = 0.2;

    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CapacityWindow requests = new CapacityWindow();
    private final CapacityWindow tokens = new CapacityWindow();
    private volatile double latencyNanos = -1;
    private volatile boolean cooling;
    private volatile long coolingUntilNanos;

    DeploymentHealth(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Whether a provider's {@code retry-after} still keeps this deployment out of the rotation. */
    boolean coolingDown(long nowNanos) {
        return cooling && nowNanos - coolingUntilNanos < 0;
    }

    /** Takes the breaker's permit for a call; false when the breaker refuses it. */
    boolean acquire() {
        return breaker.tryAcquirePermission();
    }

    /** Whether one more request fits the provider's requests per minute. */
    boolean hasRequestCapacity(long perMinute, long nowNanos) {
        return requests.used(nowNanos) + 1 <= perMinute;
    }

    /** Whether a request of that many tokens fits the provider's tokens per minute. */
    boolean hasTokenCapacity(long perMinute, long requestTokens, long nowNanos) {
        return tokens.used(nowNanos) + requestTokens <= perMinute;
    }

    /** A call starts; its tokens count against the capacity only where one is known (0 otherwise). */
    void started(long requestTokens, long nowNanos) {
        inFlight.incrementAndGet();
        requests.add(1, nowNanos);
        if (requestTokens > 0) {
            tokens.add(requestTokens, nowNanos);
        }
    }

    void succeeded(long latency) {
        inFlight.decrementAndGet();
        breaker.onSuccess(latency, TimeUnit.NANOSECONDS);
        double previous = latencyNanos;
        latencyNanos = previous < 0 ? latency : previous + LATENCY_SMOOTHING * (latency - previous);
    }

    void failed(long latency, Throwable failure, long coolDownNanos, long nowNanos) {
        inFlight.decrementAndGet();
        breaker.onError(latency, TimeUnit.NANOSECONDS, failure);
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
}
