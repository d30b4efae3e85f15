package io.tollgate.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Counts failures of the bucket store (Redis) and warns about them at most once per interval. */
@Component
class StoreOutage {

    private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);

    private final Counter failures;
    private final Clock clock;
    private final long intervalMillis;
    private final AtomicLong nextWarningAt = new AtomicLong(Long.MIN_VALUE);

    StoreOutage(MeterRegistry registry, Clock clock, LimitsProperties properties) {
        this.failures = Counter.builder("tollgate.gateway.limits.store.failures")
                .description("Rate limit checks that could not reach the bucket store (Redis)").register(registry);
        this.clock = clock;
        this.intervalMillis = properties.outageLogInterval().toMillis();
    }

    void failed(Throwable failure, LimitsProperties.FailMode mode) {
        failures.increment();
        long now = clock.millis();
        long next = nextWarningAt.get();
        if (now >= next && nextWarningAt.compareAndSet(next, now + intervalMillis)) {
            log.warn("The rate limit store is unreachable ({}); requests are {} until it answers again",
                    failure.toString(), mode == LimitsProperties.FailMode.OPEN ? "let through unlimited" : "refused with 503");
        }
    }

    double failureCount() {
        return failures.count();
    }
}
