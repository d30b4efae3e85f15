package io.tollgate.gateway.limits;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Requests in flight per app+model and per tenant, on this gateway. Over the limit a request is refused at once
 * (no queue); a permit is released when its request ends, however it ends.
 */
@Component
class ConcurrencyLimiter {

    /** What a limit counts the requests of: an app's to one model, or all of a tenant's. */
    sealed interface Key {
    }

    record AppModel(UUID app, UUID model) implements Key {
    }

    record Tenant(UUID tenant) implements Key {
    }

    private final Map<Key, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    /** A release for the permit, or empty when {@code max} requests are already in flight. */
    Optional<Runnable> tryAcquire(Key key, long max) {
        AtomicInteger counter = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
        if (counter.incrementAndGet() > max) {
            counter.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(counter::decrementAndGet);
    }
}
