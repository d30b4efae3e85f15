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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The gateway's request metrics, labelled by tenant, model, provider and status, never by key (cardinality). A model
 * label is always a catalog model's name: the served model, else the requested one if the catalog knows it, else
 * {@value #UNKNOWN_MODEL} (a caller can send any string as a model, and each label set is a meter kept for good).
 * Cost here is for dashboards only; the money path is the usage events.
 * <p>
 * Each meter is kept once its labels were first seen: building a meter's id (tags copied, sorted, deduplicated)
 * for every request cost more than recording into it. The label sets are few, as the labels are. A request finds its
 * tenant's token and cost meters with one lookup, and its model's timers with another, rather than one per meter.
 */
@Component
public class GatewayMetrics {

    static final String UNKNOWN_MODEL = "unknown";

    /** The token meters' directions, by the label each has. */
    private enum Direction {
        PROMPT("prompt"), CACHED_PROMPT("cached_prompt"), COMPLETION("completion"), REASONING("reasoning");

        private final String label;

        Direction(String label) {
            this.label = label;
        }
    }

    /** A model's timers. */
    private enum Latency {
        TOTAL("tollgate.gateway.latency", "Time from request to last byte"),
        UPSTREAM("tollgate.gateway.upstream.latency", "Time from request to the provider's complete answer"),
        TTFT("tollgate.gateway.ttft", "Time to the first streamed byte");

        /** The meter's name (not the constant's, which {@code name()} gives). */
        private final String meter;
        private final String description;

        Latency(String meter, String description) {
            this.meter = meter;
            this.description = description;
        }
    }

    private final MeterRegistry registry;
    private final Map<RequestLabels, Counter> requests = new ConcurrentHashMap<>();
    /** By tenant and model: one lookup a request for its token and cost meters. */
    private final Map<TenantModel, TenantMeters> tenantMeters = new ConcurrentHashMap<>();
    /** By model name: one lookup a request, without a key to make, for its timers. */
    private final Map<String, ModelTimers> modelTimers = new ConcurrentHashMap<>();

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

    private record TenantModel(String tenant, String model) {

        @Override
        public int hashCode() {
            return 31 * tenant.hashCode() + model.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TenantModel that && tenant.equals(that.tenant) && model.equals(that.model);
        }
    }

    public void recorded(UsageEvent event, String tenant, String provider, @Nullable Long upstreamNanos,
                         ConfigSnapshot catalog) {
        String model = event.servedModel() != null ? event.servedModel()
                : catalog.model(event.requestedModel()).isPresent() ? event.requestedModel() : UNKNOWN_MODEL;
        requests.computeIfAbsent(new RequestLabels(tenant, model, provider, event.statusCode(), event.endpoint(),
                event.streamed()), this::requestCounter).increment();
        TenantMeters meters = tenantMeters(tenant, model);
        meters.tokens(Direction.PROMPT, event.promptTokens() - event.cachedTokens());
        meters.tokens(Direction.CACHED_PROMPT, event.cachedTokens());
        meters.tokens(Direction.COMPLETION, event.completionTokens() - event.reasoningTokens());
        meters.tokens(Direction.REASONING, event.reasoningTokens());
        if (event.costUsd().signum() > 0) {
            meters.cost(event.costUsd().doubleValue());
        }
        ModelTimers timers = modelTimers(model);
        timers.record(Latency.TOTAL, TimeUnit.MILLISECONDS.toNanos(event.latencyMs()));
        if (upstreamNanos != null) {
            timers.record(Latency.UPSTREAM, upstreamNanos);
        }
        if (event.ttftMs() != null) {
            timers.record(Latency.TTFT, TimeUnit.MILLISECONDS.toNanos(event.ttftMs()));
        }
    }

    private Counter requestCounter(RequestLabels labels) {
        return Counter.builder("tollgate.gateway.requests").description("Model requests by outcome")
                .tags("tenant", labels.tenant(), "model", labels.model(), "provider", labels.provider(),
                        "status", Integer.toString(labels.status()), "endpoint", labels.endpoint().toLowerCase(),
                        "streamed", Boolean.toString(labels.streamed()))
                .register(registry);
    }

    private TenantMeters tenantMeters(String tenant, String model) {
        var labels = new TenantModel(tenant, model);
        TenantMeters meters = tenantMeters.get(labels);
        return meters != null ? meters : tenantMeters.computeIfAbsent(labels, TenantMeters::new);
    }

    private ModelTimers modelTimers(String model) {
        ModelTimers timers = modelTimers.get(model);
        return timers != null ? timers : modelTimers.computeIfAbsent(model, ModelTimers::new);
    }

    /**
     * A tenant's token and cost meters of one model, each registered the first time it has something to record, so
     * that no series is exported for what a tenant never had (reasoning tokens, say). Two threads registering the same
     * meter get the same meter from the registry.
     */
    private final class TenantMeters {

        private final TenantModel labels;
        private final AtomicReferenceArray<DistributionSummary> tokens =
                new AtomicReferenceArray<>(Direction.values().length);
        private final AtomicReference<@Nullable Counter> cost = new AtomicReference<>();

        TenantMeters(TenantModel labels) {
            this.labels = labels;
        }

        void tokens(Direction direction, long count) {
            if (count <= 0) {
                return;
            }
            DistributionSummary summary = tokens.get(direction.ordinal());
            if (summary == null) {
                summary = DistributionSummary.builder("tollgate.gateway.tokens").baseUnit("tokens")
                        .tags("tenant", labels.tenant(), "model", labels.model(), "direction", direction.label)
                        .register(registry);
                tokens.set(direction.ordinal(), summary);
            }
            summary.record(count);
        }

        void cost(double usd) {
            Counter counter = cost.get();
            if (counter == null) {
                counter = Counter.builder("tollgate.gateway.cost.usd")
                        .description("Metered cost (approximate, for dashboards)")
                        .tags("tenant", labels.tenant(), "model", labels.model()).register(registry);
                cost.set(counter);
            }
            counter.increment(usd);
        }
    }

    /** A model's timers, each registered the first time it times something. */
    private final class ModelTimers {

        private final String model;
        private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(Latency.values().length);

        ModelTimers(String model) {
            this.model = model;
        }

        void record(Latency latency, long nanos) {
            Timer timer = timers.get(latency.ordinal());
            if (timer == null) {
                timer = Timer.builder(latency.meter).description(latency.description).tags("model", model)
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofMinutes(5)).register(registry);
                timers.set(latency.ordinal(), timer);
            }
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
