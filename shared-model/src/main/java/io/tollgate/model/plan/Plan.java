package io.tollgate.model.plan;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A tier tenants are put on: its limits, the markup (negative: a discount) on metered cost, and what an answer from
 * the response cache costs. Platform-owned (no tenant column): only platform administrators change it. Its code names
 * it for good; tenants refer to it by id.
 */
@Entity
@Table(name = "plans")
@NullMarked
public class Plan extends PersistableEntity<UUID> {

    private static final BigDecimal FULL_DISCOUNT = BigDecimal.valueOf(-100);

    @Id
    private UUID id;
    @Column(updatable = false)
    private String code;
    private String name;
    private @Nullable Integer requestsPerMinute;
    private @Nullable Integer requestsPerHour;
    private @Nullable Long tokensPerMinute;
    private @Nullable Long tokensPerDay;
    private @Nullable Integer maxConcurrentRequests;
    private @Nullable Integer maxTokensPerRequest;
    private BigDecimal markupPercent;
    private BigDecimal cacheHitPerMillion;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Plan() {
    }

    public Plan(String code, String name, PlanLimits limits, BigDecimal markupPercent, BigDecimal cacheHitPerMillion,
                Instant at) {
        this.id = UUID.randomUUID();
        this.code = Objects.requireNonNull(code, "code");
        this.createdAt = stored(at);
        change(name, limits, markupPercent, cacheHitPerMillion, at);
    }

    /**
     * New terms for every tenant on the plan. A discount is less than 100% (billing never pays a tenant for usage) and
     * cache hits never cost less than nothing; both are kept exactly as their columns do (4 and 9 decimals).
     */
    public void change(String name, PlanLimits limits, BigDecimal markupPercent, BigDecimal cacheHitPerMillion,
                       Instant at) {
        if (markupPercent.compareTo(FULL_DISCOUNT) <= 0) {
            throw new IllegalArgumentException("A discount is less than 100%, was " + markupPercent.toPlainString());
        }
        if (cacheHitPerMillion.signum() < 0) {
            throw new IllegalArgumentException("A cache hit price is not negative, was "
                    + cacheHitPerMillion.toPlainString());
        }
        this.name = Objects.requireNonNull(name, "name");
        this.requestsPerMinute = integer(limits.requestsPerMinute());
        this.requestsPerHour = integer(limits.requestsPerHour());
        this.tokensPerMinute = whole(limits.tokensPerMinute());
        this.tokensPerDay = whole(limits.tokensPerDay());
        this.maxConcurrentRequests = integer(limits.maxConcurrentRequests());
        this.maxTokensPerRequest = integer(limits.maxTokensPerRequest());
        this.markupPercent = exact(markupPercent, 4);
        this.cacheHitPerMillion = exact(cacheHitPerMillion, 9);
        this.updatedAt = stored(at);
    }

    public PlanLimits limits() {
        return PlanLimits.ofNullable(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay,
                maxConcurrentRequests, maxTokensPerRequest);
    }

    private static @Nullable Integer integer(OptionalLong limit) {
        return limit.isPresent() ? Math.toIntExact(limit.getAsLong()) : null;
    }

    private static @Nullable Long whole(OptionalLong limit) {
        return limit.isPresent() ? limit.getAsLong() : null;
    }

    private static BigDecimal exact(BigDecimal value, int scale) {
        try {
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value.toPlainString() + " has more than " + scale + " decimals", e);
        }
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

    public BigDecimal getCacheHitPerMillion() {
        return cacheHitPerMillion;
    }

    public long getVersion() {
        return version;
    }
}
