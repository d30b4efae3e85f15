package io.tollgate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Calls to providers by provider and outcome ({@code tollgate_gateway_upstream_attempts_total}: {@code answered},
 * {@code failed} — a failure that moved the request on or ended it —, {@code refused} — the request was at fault),
 * and how many deployments have an open breaker ({@code tollgate_gateway_breakers_open}). Failed attempts appear
 * here, never on invoices.
 */
@Component
class AttemptMetrics {

    private final MeterRegistry registry;
    /** By outcome, then provider: no key made per call. */
    private final Map<String, Map<String, Counter>> counters = new ConcurrentHashMap<>();

    AttemptMetrics(MeterRegistry registry, DeploymentStates states) {
        this.registry = registry;
        Gauge.builder("tollgate.gateway.breakers.open", states,
                        known -> known.count(state -> state == CircuitBreaker.State.OPEN))
                .description("Deployments whose circuit breaker is open").register(registry);
    }

    void answered(String provider) {
        counter(provider, "answered").increment();
    }

    void failed(String provider) {
        counter(provider, "failed").increment();
    }

    void refused(String provider) {
        counter(provider, "refused").increment();
    }

    private Counter counter(String provider, String outcome) {
        var byProvider = counters.get(outcome);
        if (byProvider == null) {
            byProvider = counters.computeIfAbsent(outcome, o -> new ConcurrentHashMap<>());
        }
        var known = byProvider.get(provider);
        if (known != null) {
            return known;
        }
        return byProvider.computeIfAbsent(provider, p -> Counter.builder("tollgate.gateway.upstream.attempts")
                .description("Calls to providers, failovers included")
                .tag("provider", p).tag("outcome", outcome).register(registry));
    }
}
