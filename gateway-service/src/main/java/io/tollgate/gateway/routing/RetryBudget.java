package io.tollgate.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries of one model within a window, held to a share of its requests (plus a few always allowed), so that an
 * outage of one deployment does not multiply the load on the others.
 */
final class RetryBudget {

    private final long windowNanos;
    private final double ratio;
    private final int minimum;
    private final AtomicLong window = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    RetryBudget(long windowNanos, double ratio, int minimum) {
        this.windowNanos = windowNanos;
        this.ratio = ratio;
        this.minimum = minimum;
    }

    void requested(long nowNanos) {
        roll(nowNanos);
        requests.incrementAndGet();
    }

    /** Takes a retry from the budget; false when the window has none left. */
    boolean tryRetry(long nowNanos) {
        roll(nowNanos);
        long allowed = Math.max(minimum, (long) (requests.get() * ratio));
        if (retries.incrementAndGet() > allowed) {
            retries.decrementAndGet();
            return false;
        }
        return true;
    }

    private void roll(long nowNanos) {
        long now = Math.floorDiv(nowNanos, windowNanos);
        long seen = window.get();
        if (seen != now && window.compareAndSet(seen, now)) {
            requests.set(0);
            retries.set(0);
        }
    }
}
