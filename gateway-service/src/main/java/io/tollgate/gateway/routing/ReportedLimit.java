package io.tollgate.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a provider last said was left of one of its limits (requests or tokens) until that count resets, less what
 * this replica started since. It corrects the local count when the provider knows better (another client shares the
 * account, the quota is smaller than configured). Calls in flight when the provider answered may be counted twice,
 * which errs on the side of not calling; a report and a start racing each other are harmless.
 */
final class ReportedLimit {

    private final AtomicLong remaining = new AtomicLong();
    private volatile long resetNanos;
    private volatile boolean reported;

    void report(long remainingAmount, long resetInNanos, long nowNanos) {
        remaining.set(remainingAmount);
        resetNanos = nowNanos + resetInNanos;
        reported = true;
    }

    /** Whether that much more fits what the provider said was left; anything fits once its count has reset. */
    boolean allows(long amount, long nowNanos) {
        return !current(nowNanos) || remaining.get() >= amount;
    }

    void take(long amount, long nowNanos) {
        if (current(nowNanos)) {
            remaining.addAndGet(-amount);
        }
    }

    private boolean current(long nowNanos) {
        return reported && nowNanos - resetNanos < 0;
    }
}
