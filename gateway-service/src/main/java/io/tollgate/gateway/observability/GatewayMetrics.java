package io.tollgate.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tollgate.gateway.metering.UsageEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gateway's request metrics, labelled by tenant, model, provider and status, never by key (cardinality).
 * Cost here is for dashboards only; the money path is the usage events.
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void recorded(UsageEvent event, String tenant, String provider, @Nullable Long upstreamNanos) {
        String model = event.servedModel() != null ? event.servedModel() : event.requestedModel();
        Counter.builder("tollgate.gateway.requests").description("Model requests by outcome")
                .tags("tenant", tenant, "model", model, "provider", provider, "status", Integer.toString(event.statusCode()),
                        "endpoint", event.endpoint().toLowerCase(), "streamed", Boolean.toString(event.streamed()))
                .register(registry).increment();
        tokens(tenant, model, "prompt", event.promptTokens() - event.cachedTokens());
        tokens(tenant, model, "cached_prompt", event.cachedTokens());
        tokens(tenant, model, "completion", event.completionTokens() - event.reasoningTokens());
        tokens(tenant, model, "reasoning", event.reasoningTokens());
        if (event.costUsd().signum() > 0) {
            Counter.builder("tollgate.gateway.cost.usd").description("Metered cost (approximate, for dashboards)")
                    .tags("tenant", tenant, "model", model).register(registry).increment(event.costUsd().doubleValue());
        }
        latency("tollgate.gateway.latency", "Time from request to last byte", TimeUnit.MILLISECONDS.toNanos(event.latencyMs()), model);
        if (upstreamNanos != null) {
            latency("tollgate.gateway.upstream.latency", "Time from request to the provider's complete answer", upstreamNanos, model);
        }
        if (event.ttftMs() != null) {
            latency("tollgate.gateway.ttft", "Time to the first streamed byte", TimeUnit.MILLISECONDS.toNanos(event.ttftMs()), model);
        }
    }

    private void tokens(String tenant, String model, String direction, long count) {
        if (count > 0) {
            DistributionSummary.builder("tollgate.gateway.tokens").baseUnit("tokens")
                    .tags("tenant", tenant, "model", model, "direction", direction).register(registry).record(count);
        }
    }

    private void latency(String name, String description, long nanos, String model) {
        Timer.builder(name).description(description).tags("model", model).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
