package io.tollgate.gateway.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code usage_events}; its id is the request's event id, so writing it twice is harmless.
 *
 * @param cacheWriteTokens prompt tokens written to the provider's prompt cache (part of promptTokens, like cachedTokens)
 * @param cacheHit         answered from the gateway's response cache: no provider call, no tokens, costed at the plan's
 *                         cache hit price (0 by default)
 */
public record UsageEvent(
        UUID id,
        Instant occurredAt,
        UUID tenantId,
        UUID appId,
        UUID apiKeyId,
        String endpoint,
        String requestedModel,
        @Nullable String servedModel,
        @Nullable UUID providerId,
        @Nullable UUID deploymentId,
        @Nullable String upstreamModel,
        @Nullable UUID priceId,
        int promptTokens,
        int completionTokens,
        int cachedTokens,
        int reasoningTokens,
        boolean usageEstimated,
        BigDecimal costUsd,
        int latencyMs,
        @Nullable Integer ttftMs,
        int statusCode,
        @Nullable String errorType,
        boolean streamed,
        String tags,
        int cacheWriteTokens,
        int attempts,
        boolean cacheHit) {

    /** An event of one provider call, without cache writes. */
    public UsageEvent(UUID id, Instant occurredAt, UUID tenantId, UUID appId, UUID apiKeyId, String endpoint,
                      String requestedModel, @Nullable String servedModel, @Nullable UUID providerId,
                      @Nullable UUID deploymentId, @Nullable String upstreamModel, @Nullable UUID priceId,
                      int promptTokens, int completionTokens, int cachedTokens, int reasoningTokens,
                      boolean usageEstimated, BigDecimal costUsd, int latencyMs, @Nullable Integer ttftMs,
                      int statusCode, @Nullable String errorType, boolean streamed, String tags) {
        this(id, occurredAt, tenantId, appId, apiKeyId, endpoint, requestedModel, servedModel, providerId, deploymentId,
                upstreamModel, priceId, promptTokens, completionTokens, cachedTokens, reasoningTokens, usageEstimated,
                costUsd, latencyMs, ttftMs, statusCode, errorType, streamed, tags, 0, 1, false);
    }
}
