package io.tollgate.model.usage;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.jspecify.annotations.Nullable;

/**
 * One metered request, read-only here (no method changes it): the gateway appends events with JDBC batches
 * ({@code insert ... on conflict do nothing}) into the month-partitioned {@code usage_events}.
 */
@Entity
@Table(name = "usage_events")
@IdClass(UsageEventId.class)
public class UsageEvent extends PersistableEntity<UsageEventId> {

    /** Where a served request went; absent when the request was refused before reaching a model. */
    public record Routing(String servedModel, UUID providerId, UUID deploymentId, String upstreamModel,
                          @Nullable UUID priceId) {
    }

    @Id
    private UUID id;
    @Id
    private Instant occurredAt;
    @Generated
    @Column(insertable = false, updatable = false)
    private Instant ingestedAt;
    private UUID tenantId;
    private UUID appId;
    private UUID apiKeyId;
    @Enumerated(EnumType.STRING)
    private Endpoint endpoint;
    private String requestedModel;
    private @Nullable String servedModel;
    private @Nullable UUID providerId;
    private @Nullable UUID deploymentId;
    private @Nullable String upstreamModel;
    private @Nullable UUID priceId;
    private int promptTokens;
    private int completionTokens;
    private int cachedTokens;
    private int reasoningTokens;
    private int cacheWriteTokens;
    private boolean usageEstimated;
    @Column(precision = 28, scale = 15)
    private BigDecimal costUsd;
    private int latencyMs;
    private @Nullable Integer ttftMs;
    private int statusCode;
    private @Nullable String errorType;
    private boolean streamed;
    private String tags;

    protected UsageEvent() {
    }

    /** For tests and seeding; production writes go through the gateway's JDBC batches. */
    public UsageEvent(UsageEventId key, UUID tenantId, UUID appId, UUID apiKeyId, Endpoint endpoint,
                      String requestedModel, @Nullable Routing routing, TokenUsage tokens, boolean usageEstimated,
                      Money cost, int statusCode, @Nullable String errorType, int latencyMs, @Nullable Integer ttftMs,
                      boolean streamed, String tags) {
        this.id = key.id();
        this.occurredAt = key.occurredAt();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.apiKeyId = Objects.requireNonNull(apiKeyId, "apiKeyId");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.requestedModel = Objects.requireNonNull(requestedModel, "requestedModel");
        if (routing != null) {
            this.servedModel = routing.servedModel();
            this.providerId = routing.providerId();
            this.deploymentId = routing.deploymentId();
            this.upstreamModel = routing.upstreamModel();
            this.priceId = routing.priceId();
        }
        this.promptTokens = Math.toIntExact(tokens.promptTokens());
        this.completionTokens = Math.toIntExact(tokens.completionTokens());
        this.cachedTokens = Math.toIntExact(tokens.cachedPromptTokens());
        this.reasoningTokens = Math.toIntExact(tokens.reasoningTokens());
        this.cacheWriteTokens = Math.toIntExact(tokens.cacheWriteTokens());
        this.usageEstimated = usageEstimated;
        this.costUsd = cost.amount();
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.latencyMs = latencyMs;
        this.ttftMs = ttftMs;
        this.streamed = streamed;
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public UsageEventId getId() {
        return new UsageEventId(id, occurredAt);
    }

    public UUID getRequestId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getIngestedAt() {
        return ingestedAt;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getAppId() {
        return appId;
    }

    public UUID getApiKeyId() {
        return apiKeyId;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    public String getRequestedModel() {
        return requestedModel;
    }

    public Optional<Routing> getRouting() {
        if (servedModel == null || providerId == null || deploymentId == null || upstreamModel == null) {
            return Optional.empty();
        }
        return Optional.of(new Routing(servedModel, providerId, deploymentId, upstreamModel, priceId));
    }

    public TokenUsage getTokens() {
        return new TokenUsage(promptTokens, completionTokens, cachedTokens, reasoningTokens, cacheWriteTokens);
    }

    public boolean isUsageEstimated() {
        return usageEstimated;
    }

    /** Exact, never rounded. */
    public Money getCost() {
        return Money.of(costUsd);
    }

    public int getStatusCode() {
        return statusCode;
    }

    public Optional<String> getErrorType() {
        return Optional.ofNullable(errorType);
    }

    public int getLatencyMs() {
        return latencyMs;
    }

    public OptionalInt getTtftMs() {
        return ttftMs == null ? OptionalInt.empty() : OptionalInt.of(ttftMs);
    }

    public boolean isStreamed() {
        return streamed;
    }

    /** The caller's tags, sorted and comma separated; empty when none. */
    public String getTags() {
        return tags;
    }
}
