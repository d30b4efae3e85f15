package io.tollgate.gateway.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Model requests this replica is serving, from the request's arrival to its response's last byte (streams included):
 * the load signal an autoscaler needs besides CPU, since a replica waiting on slow providers is busy at low CPU.
 */
@Component
class InFlightRequests implements MeterBinder {

    private final AtomicInteger count = new AtomicInteger();

    void started() {
        count.incrementAndGet();
    }

    void ended() {
        count.decrementAndGet();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tollgate.gateway.requests.in.flight", count, AtomicInteger::get)
                .description("Model requests being served by this replica, streams until their last event")
                .register(registry);
    }
}
