package io.tollgate.model.subscription;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.plan.PlanLimits;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An app's access to one model, requested by the tenant and decided by a platform administrator. Moves follow
 * {@link SubscriptionStatus}; an illegal move throws {@link IllegalSubscriptionTransitionException}.
 */
@Entity
@Table(name = "subscriptions")
@NullMarked
public class Subscription extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID tenantId;
    private UUID appId;
    private UUID modelId;
    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;
    private String justification;
    private @Nullable String decisionReason;
    private @Nullable UUID requestedBy;
    private @Nullable UUID decidedBy;
    private @Nullable Instant decidedAt;
    private @Nullable Integer requestsPerMinute;
    private @Nullable Integer requestsPerHour;
    private @Nullable Long tokensPerMinute;
    private @Nullable Long tokensPerDay;
    private @Nullable Integer maxConcurrentRequests;
    private @Nullable Integer maxTokensPerRequest;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Subscription() {
    }

    private Subscription(UUID tenantId, UUID appId, UUID modelId, String justification, @Nullable UUID requestedBy,
                         Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.appId = Objects.requireNonNull(appId, "appId");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.justification = Objects.requireNonNull(justification, "justification");
        this.requestedBy = requestedBy;
        this.status = SubscriptionStatus.PENDING;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** A new PENDING request of the app for the model. */
    public static Subscription request(UUID tenantId, UUID appId, UUID modelId, String justification,
                                       @Nullable UUID requestedBy, Instant at) {
        return new Subscription(tenantId, appId, modelId, justification, requestedBy, at);
    }

    public void approve(UUID decidedBy, Instant at) {
        decide(SubscriptionStatus.APPROVED, decidedBy, null, at);
    }

    public void reject(UUID decidedBy, String reason, Instant at) {
        decide(SubscriptionStatus.REJECTED, decidedBy, Objects.requireNonNull(reason, "reason"), at);
    }

    public void revoke(UUID decidedBy, String reason, Instant at) {
        decide(SubscriptionStatus.REVOKED, decidedBy, Objects.requireNonNull(reason, "reason"), at);
    }

    private void decide(SubscriptionStatus next, UUID decidedBy, @Nullable String reason, Instant at) {
        this.status = status.moveTo(next);
        this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
        this.decisionReason = reason;
        this.decidedAt = at;
        this.updatedAt = at;
    }

    /** The limits set for this subscription alone; an empty limit keeps the plan's value. */
    public PlanLimits limitOverrides() {
        return PlanLimits.ofNullable(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay,
                maxConcurrentRequests, maxTokensPerRequest);
    }

    public void overrideLimits(PlanLimits overrides, Instant at) {
        this.requestsPerMinute = PlanLimits.toNullableInt(overrides.requestsPerMinute());
        this.requestsPerHour = PlanLimits.toNullableInt(overrides.requestsPerHour());
        this.tokensPerMinute = PlanLimits.toNullableLong(overrides.tokensPerMinute());
        this.tokensPerDay = PlanLimits.toNullableLong(overrides.tokensPerDay());
        this.maxConcurrentRequests = PlanLimits.toNullableInt(overrides.maxConcurrentRequests());
        this.maxTokensPerRequest = PlanLimits.toNullableInt(overrides.maxTokensPerRequest());
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getAppId() {
        return appId;
    }

    public UUID getModelId() {
        return modelId;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public String getJustification() {
        return justification;
    }

    public Optional<String> getDecisionReason() {
        return Optional.ofNullable(decisionReason);
    }

    public Optional<UUID> getRequestedBy() {
        return Optional.ofNullable(requestedBy);
    }

    public Optional<UUID> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
