package io.tollgate.model.subscription;

import io.tollgate.model.PersistableEntity;
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
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An app's access to one model, requested by the tenant and decided by a platform administrator. Moves follow
 * {@link SubscriptionStatus}; an illegal move throws {@link IllegalSubscriptionTransitionException}. Its tenant is the
 * session's ({@link TenantId}); administrators decide in the platform scope, where it is the row's own.
 */
@Entity
@Table(name = "subscriptions")
@NullMarked
public class Subscription extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
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

    private Subscription(UUID appId, UUID modelId, String justification, @Nullable UUID requestedBy, Instant at) {
        this.id = UUID.randomUUID();
        this.appId = Objects.requireNonNull(appId, "appId");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.justification = Objects.requireNonNull(justification, "justification");
        this.requestedBy = requestedBy;
        this.status = SubscriptionStatus.PENDING;
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    /**
     * The app's request for the model: PENDING until an administrator decides, or APPROVED at once when the model
     * needs no approval.
     */
    public static Subscription request(UUID appId, UUID modelId, String justification, @Nullable UUID requestedBy,
                                       boolean requiresApproval, Instant at) {
        Subscription subscription = new Subscription(appId, modelId, justification, requestedBy, at);
        if (!requiresApproval) {
            subscription.move(SubscriptionStatus.APPROVED, "Approved automatically: the model needs no approval", at);
        }
        return subscription;
    }

    /**
     * An administrator's approval, with per-subscription limits (null keeps the plan's value) for requests per minute
     * and tokens per minute and per day.
     */
    public void approve(UUID decidedBy, @Nullable String reason, @Nullable Integer requestsPerMinute,
                        @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay, Instant at) {
        decide(SubscriptionStatus.APPROVED, decidedBy, reason, at);
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.tokensPerDay = tokensPerDay;
    }

    public void reject(UUID decidedBy, String reason, Instant at) {
        decide(SubscriptionStatus.REJECTED, decidedBy, Objects.requireNonNull(reason, "reason"), at);
    }

    public void revoke(UUID decidedBy, String reason, Instant at) {
        decide(SubscriptionStatus.REVOKED, decidedBy, Objects.requireNonNull(reason, "reason"), at);
    }

    /**
     * The tenant ends it: a pending request is withdrawn (REJECTED), approved access given up (REVOKED).
     *
     * @throws IllegalSubscriptionTransitionException when it has ended already
     */
    public void cancelByTenant(Instant at) {
        if (status == SubscriptionStatus.PENDING) {
            move(SubscriptionStatus.REJECTED, "Withdrawn by the tenant", at);
        } else {
            move(SubscriptionStatus.REVOKED, "Cancelled by the tenant", at);
        }
    }

    private void decide(SubscriptionStatus next, UUID decidedBy, @Nullable String reason, Instant at) {
        move(next, reason, at);
        this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
    }

    /** The first decision's time is kept: a later revocation does not move when access was granted. */
    private void move(SubscriptionStatus next, @Nullable String reason, Instant at) {
        this.status = status.moveTo(next);
        this.decisionReason = reason;
        this.decidedAt = decidedAt == null ? stored(at) : decidedAt;
        this.updatedAt = stored(at);
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

    public Optional<UUID> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<Integer> getRequestsPerMinute() {
        return Optional.ofNullable(requestsPerMinute);
    }

    public Optional<Long> getTokensPerMinute() {
        return Optional.ofNullable(tokensPerMinute);
    }

    public Optional<Long> getTokensPerDay() {
        return Optional.ofNullable(tokensPerDay);
    }

    public long getVersion() {
        return version;
    }
}
