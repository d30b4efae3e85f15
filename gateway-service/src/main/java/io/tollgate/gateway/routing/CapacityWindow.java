package io.tollgate.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one deployment has used of its provider capacity in the last minute, approximated the way sliding-window
 * limiters do: this minute's count plus the previous minute's, weighted by the share of it still inside the window.
 * Updates race harmlessly at minute boundaries (a count may land in the neighbouring minute).
 */
final class CapacityWindow {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final AtomicLong minute = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong current = new AtomicLong();
    private final AtomicLong previous = new AtomicLong();

    void add(long amount, long nowNanos) {
        roll(nowNanos);
        current.addAndGet(amount);
    }

    /** The amount used over the last sixty seconds. */
    long used(long nowNanos) {
        roll(nowNanos);
        double elapsed = (double) Math.floorMod(nowNanos, MINUTE_NANOS) / MINUTE_NANOS;
        return current.get() + (long) Math.ceil(previous.get() * (1 - elapsed));
    }

    private void roll(long nowNanos) {
        long now = Math.floorDiv(nowNanos, MINUTE_NANOS);
        long seen = minute.get();
        if (seen == now || !minute.compareAndSet(seen, now)) {
            return;
        }
        previous.set(seen == now - 1 ? current.getAndSet(0) : 0);
        if (seen != now - 1) {
            current.set(0);
        }
    }
}
