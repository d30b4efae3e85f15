package io.tollgate.gateway.limits;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Requests in flight per app+model and per tenant, on this gateway. Over the limit a request is refused at once
 * (no queue); a permit is released when its request ends, however it ends.
 */
@Component
class ConcurrencyLimiter {

    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** A release for the permit, or empty when {@code max} requests are already in flight. */
    Optional<Runnable> tryAcquire(String key, long max) {
        AtomicInteger counter = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
        if (counter.incrementAndGet() > max) {
            counter.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(counter::decrementAndGet);
    }
}
