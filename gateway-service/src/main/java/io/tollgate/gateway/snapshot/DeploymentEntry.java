package io.tollgate.gateway.snapshot;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enabled deployment of a model on an enabled provider.
 *
 * @param priority          lower is tried first by priority failover
 * @param requestsPerMinute the provider account's request capacity for it, null when unknown
 * @param tokensPerMinute   its token capacity, null when unknown
 * @param firstByteTimeout  how long to wait for the provider's first byte before trying the next deployment, null
 *                          for the provider's response timeout
 * @param totalTimeout      how long one call may take in all, to its answer's last byte (a stream's last event), null
 *                          for no limit of its own
 * @param connectTimeout    how long to wait for a connection to the provider, null for the provider's connect timeout
 * @param idleTimeout       the longest silence between two reads of an answer (between a stream's events; before the
 *                          first byte too when no first-byte timeout is set), null for the provider's response timeout
 * @param cost              what the provider charges the platform, null when unknown
 */
public record DeploymentEntry(UUID id, UUID modelId, UUID providerId, String upstreamModel, int weight,
                              int priority, @Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                              @Nullable Duration firstByteTimeout, @Nullable Duration totalTimeout,
                              @Nullable Duration connectTimeout, @Nullable Duration idleTimeout,
                              @Nullable ProviderCost cost) {

    /** A deployment with no capacity, timeout or cost of its own. */
    public DeploymentEntry(UUID id, UUID modelId, UUID providerId, String upstreamModel, int weight, int priority) {
        this(id, modelId, providerId, upstreamModel, weight, priority, null, null, null, null, null, null, null);
    }

    /** Per million tokens. */
    public record ProviderCost(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

        /** The cost of a request of that many prompt and completion tokens, per million (only compared, never billed). */
        public BigDecimal of(long promptTokens, long completionTokens) {
            return inputPerMillion.multiply(BigDecimal.valueOf(promptTokens))
                    .add(outputPerMillion.multiply(BigDecimal.valueOf(completionTokens)));
        }
    }

    public OptionalLong requestCapacity() {
        return requestsPerMinute == null ? OptionalLong.empty() : OptionalLong.of(requestsPerMinute);
    }

    public OptionalLong tokenCapacity() {
        return tokensPerMinute == null ? OptionalLong.empty() : OptionalLong.of(tokensPerMinute);
    }

    public Optional<ProviderCost> providerCost() {
        return Optional.ofNullable(cost);
    }
}
