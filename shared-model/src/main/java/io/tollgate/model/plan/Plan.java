package io.tollgate.model.plan;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A tier (free, basic, pro, enterprise, ...): the limits and the markup every tenant on it gets. */
@Entity
@Table(name = "plans")
@NullMarked
public class Plan extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private String code;
    private String name;
    private @Nullable Integer requestsPerMinute;
    private @Nullable Integer requestsPerHour;
    private @Nullable Long tokensPerMinute;
    private @Nullable Long tokensPerDay;
    private @Nullable Integer maxConcurrentRequests;
    private @Nullable Integer maxTokensPerRequest;
    @Column(precision = 9, scale = 4)
    private BigDecimal markupPercent;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Plan() {
    }

    public Plan(String code, String name, PlanLimits limits, BigDecimal markupPercent, Instant at) {
        this.id = UUID.randomUUID();
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.markupPercent = Objects.requireNonNull(markupPercent, "markupPercent");
        this.createdAt = at;
        changeLimits(limits, at);
    }

    public PlanLimits limits() {
        return PlanLimits.ofNullable(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay,
                maxConcurrentRequests, maxTokensPerRequest);
    }

    public void changeLimits(PlanLimits limits, Instant at) {
        this.requestsPerMinute = PlanLimits.toNullableInt(limits.requestsPerMinute());
        this.requestsPerHour = PlanLimits.toNullableInt(limits.requestsPerHour());
        this.tokensPerMinute = PlanLimits.toNullableLong(limits.tokensPerMinute());
        this.tokensPerDay = PlanLimits.toNullableLong(limits.tokensPerDay());
        this.maxConcurrentRequests = PlanLimits.toNullableInt(limits.maxConcurrentRequests());
        this.maxTokensPerRequest = PlanLimits.toNullableInt(limits.maxTokensPerRequest());
        this.updatedAt = at;
    }

    public void rename(String name, Instant at) {
        this.name = Objects.requireNonNull(name, "name");
        this.updatedAt = at;
    }

    /** Positive is a markup, negative a discount, in percent of the metered cost. */
    public void changeMarkup(BigDecimal markupPercent, Instant at) {
        this.markupPercent = Objects.requireNonNull(markupPercent, "markupPercent");
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getMarkupPercent() {
        return markupPercent;
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
