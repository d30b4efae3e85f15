package io.tollgate.model.catalog;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * How the gateway routes to one deployment: the provider's name for the model, weight and priority, the provider
 * account's capacity, the timeouts of a call through it, and what the provider charges the platform (USD per million
 * tokens, for lowest-cost routing). Null capacity, timeout or cost means unknown: the provider's timeouts apply.
 */
@NullMarked
public record DeploymentSettings(String upstreamModel, int weight, int priority, boolean enabled,
                                 @Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                                 @Nullable Integer firstByteTimeoutMs, @Nullable Integer totalTimeoutMs,
                                 @Nullable Integer connectTimeoutMs, @Nullable Integer idleTimeoutMs,
                                 @Nullable BigDecimal costInputPerMillion, @Nullable BigDecimal costOutputPerMillion) {

    public static final int MAX_WEIGHT = 10_000;

    public DeploymentSettings {
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("The weight is 0 to " + MAX_WEIGHT + ", was " + weight);
        }
        if (priority < 0) {
            throw new IllegalArgumentException("The priority is 0 or more, was " + priority);
        }
        // a cost known on one side only would rank the deployment as free on the other
        if ((costInputPerMillion == null) != (costOutputPerMillion == null)) {
            throw new IllegalArgumentException("A deployment's cost is known for input and output, or for neither");
        }
    }
}
