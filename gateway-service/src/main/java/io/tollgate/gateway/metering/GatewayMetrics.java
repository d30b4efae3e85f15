package io.tollgate.gateway.metering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gateway's request metrics, labelled by tenant, model, provider and status, never by key (cardinality). A model
 * label is always a catalog model's name: the served model, else the requested one if the catalog knows it, else
 * {@value #UNKNOWN_MODEL} (a caller can send any string as a model, and each label set is a meter kept for good).
 * Cost here is for dashboards only; the money path is the usage events.
 * <p>
 * Each meter is kept once its labels were first seen: building a meter's id (tags copied, sorted, deduplicated)
 * for every request cost more than recording into it. The label sets are few, as the labels are.
 */
@Component
public class GatewayMetrics {

    static final String UNKNOWN_MODEL = "unknown";

    private final MeterRegistry registry;
    private final Map<RequestLabels, Counter> requests = new ConcurrentHashMap<>();
    private final Map<TokenLabels, DistributionSummary> tokens = new ConcurrentHashMap<>();
    private final Map<ModelLabels, Counter> costs = new ConcurrentHashMap<>();
    private final Map<ModelLabels, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    // The label records spell out hashCode and equals: a record's own are method-handle trees, and the one of
    // RequestLabels alone took about 3% of the gateway's CPU samples, in frames a profile does not show.

    private record RequestLabels(String tenant, String model, String provider, int status, String endpoint,
                                 boolean streamed) {

        @Override
        public int hashCode() {
            int hash = tenant.hashCode();
            hash = 31 * hash + model.hashCode();
            hash = 31 * hash + provider.hashCode();
            hash = 31 * hash + status;
            hash = 31 * hash + endpoint.hashCode();
            return 31 * hash + (streamed ? 1 : 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RequestLabels that && status == that.status && streamed == that.streamed
                    && tenant.equals(that.tenant) && model.equals(that.model) && provider.equals(that.provider)
                    && endpoint.equals(that.endpoint);
        }
    }

    private record TokenLabels(String tenant, String model, String direction) {

        @Override
        public int hashCode() {
            return 31 * (31 * tenant.hashCode() + model.hashCode()) + direction.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenLabels that && tenant.equals(that.tenant) && model.equals(that.model)
                    && direction.equals(that.direction);
        }
    }

    /** A model and one more label: the tenant of a cost, the name of a timer. */
    private record ModelLabels(String label, String model) {

        @Override
        public int hashCode() {
            return 31 * label.hashCode() + model.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ModelLabels that && label.equals(that.label) && model.equals(that.model);
        }
    }

    public void recorded(UsageEvent event, String tenant, String provider, @Nullable Long upstreamNanos,
                         ConfigSnapshot catalog) {
        String model = event.servedModel() != null ? event.servedModel()
                : catalog.model(event.requestedModel()).isPresent() ? event.requestedModel() : UNKNOWN_MODEL;
        requests.computeIfAbsent(new RequestLabels(tenant, model, provider, event.statusCode(), event.endpoint(),
                event.streamed()), this::requestCounter).increment();
        tokens(tenant, model, "prompt", event.promptTokens() - event.cachedTokens());
        tokens(tenant, model, "cached_prompt", event.cachedTokens());
        tokens(tenant, model, "completion", event.completionTokens() - event.reasoningTokens());
        tokens(tenant, model, "reasoning", event.reasoningTokens());
        if (event.costUsd().signum() > 0) {
            costs.computeIfAbsent(new ModelLabels(tenant, model), labels -> Counter.builder("tollgate.gateway.cost.usd")
                            .description("Metered cost (approximate, for dashboards)")
                            .tags("tenant", labels.label(), "model", labels.model()).register(registry))
                    .increment(event.costUsd().doubleValue());
        }
        latency("tollgate.gateway.latency", "Time from request to last byte", TimeUnit.MILLISECONDS.toNanos(event.latencyMs()), model);
        if (upstreamNanos != null) {
            latency("tollgate.gateway.upstream.latency", "Time from request to the provider's complete answer", upstreamNanos, model);
        }
        if (event.ttftMs() != null) {
            latency("tollgate.gateway.ttft", "Time to the first streamed byte", TimeUnit.MILLISECONDS.toNanos(event.ttftMs()), model);
        }
    }

    private Counter requestCounter(RequestLabels labels) {
        return Counter.builder("tollgate.gateway.requests").description("Model requests by outcome")
                .tags("tenant", labels.tenant(), "model", labels.model(), "provider", labels.provider(),
                        "status", Integer.toString(labels.status()), "endpoint", labels.endpoint().toLowerCase(),
                        "streamed", Boolean.toString(labels.streamed()))
                .register(registry);
    }

    private void tokens(String tenant, String model, String direction, long count) {
        if (count > 0) {
            tokens.computeIfAbsent(new TokenLabels(tenant, model, direction), labels ->
                    DistributionSummary.builder("tollgate.gateway.tokens").baseUnit("tokens")
                            .tags("tenant", labels.tenant(), "model", labels.model(), "direction", labels.direction())
                            .register(registry)).record(count);
        }
    }

    private void latency(String name, String description, long nanos, String model) {
        timers.computeIfAbsent(new ModelLabels(name, model), labels -> Timer.builder(labels.label())
                .description(description).tags("model", labels.model()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
