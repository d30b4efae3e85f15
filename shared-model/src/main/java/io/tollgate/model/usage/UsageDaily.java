package io.tollgate.model.usage;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** The usage of one app and model (and tag set) on one UTC day, folded from the usage events by billing. */
@Entity
@Table(name = "usage_daily")
@IdClass(UsageDailyId.class)
public class UsageDaily extends PersistableEntity<UsageDailyId> {

    @Id
    private UUID tenantId;
    @Id
    private LocalDate day;
    @Id
    private UUID appId;
    @Id
    private String model;
    @Id
    private String tags;
    private long requests;
    private long errorCount;
    private long promptTokens;
    private long completionTokens;
    private long cachedTokens;
    private long reasoningTokens;
    @Column(precision = 28, scale = 15)
    private BigDecimal costUsd;
    private Instant updatedAt;

    protected UsageDaily() {
    }

    public UsageDaily(UsageDailyId key, Instant at) {
        this.tenantId = Objects.requireNonNull(key.tenantId(), "tenantId");
        this.day = Objects.requireNonNull(key.day(), "day");
        this.appId = Objects.requireNonNull(key.appId(), "appId");
        this.model = Objects.requireNonNull(key.model(), "model");
        this.tags = Objects.requireNonNull(key.tags(), "tags");
        this.costUsd = BigDecimal.ZERO;
        this.updatedAt = at;
    }

    /** Adds requests to the rollup; cost stays exact. */
    public void add(long requests, long errors, TokenUsage tokens, Money cost, Instant at) {
        this.requests = Math.addExact(this.requests, requests);
        this.errorCount = Math.addExact(this.errorCount, errors);
        TokenUsage total = getTokens().plus(tokens);
        this.promptTokens = total.promptTokens();
        this.completionTokens = total.completionTokens();
        this.cachedTokens = total.cachedPromptTokens();
        this.reasoningTokens = total.reasoningTokens();
        this.costUsd = costUsd.add(cost.amount());
        this.updatedAt = at;
    }

    @Override
    public UsageDailyId getId() {
        return new UsageDailyId(tenantId, day, appId, model, tags);
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public LocalDate getDay() {
        return day;
    }

    public UUID getAppId() {
        return appId;
    }

    public String getModel() {
        return model;
    }

    public String getTags() {
        return tags;
    }

    public long getRequests() {
        return requests;
    }

    public long getErrorCount() {
        return errorCount;
    }

    public TokenUsage getTokens() {
        return new TokenUsage(promptTokens, completionTokens, cachedTokens, reasoningTokens);
    }

    public Money getCost() {
        return Money.of(costUsd);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
