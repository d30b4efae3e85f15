package io.tollgate.model.budget;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A spending limit in USD per period for a whole tenant, one app, or one app's use of one model. New budgets
 * alert at 50, 80 and 100 percent and block once spent.
 */
@Entity
@Table(name = "budgets")
public class Budget extends PersistableEntity<UUID> {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    @Id
    private UUID id;
    private UUID tenantId;
    @Enumerated(EnumType.STRING)
    private BudgetScope scope;
    private @Nullable UUID appId;
    private @Nullable UUID modelId;
    @Enumerated(EnumType.STRING)
    private BudgetPeriod period;
    @Column(precision = 19, scale = 9)
    private BigDecimal amountUsd;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<Integer> thresholds;
    @Enumerated(EnumType.STRING)
    private BudgetAction action;
    private @Nullable UUID downgradeModelId;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Budget() {
    }

    private Budget(UUID tenantId, BudgetScope scope, @Nullable UUID appId, @Nullable UUID modelId,
                   BudgetPeriod period, Money amount, Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.scope = scope;
        this.appId = appId;
        this.modelId = modelId;
        this.period = Objects.requireNonNull(period, "period");
        this.thresholds = DEFAULT_THRESHOLDS;
        this.action = BudgetAction.BLOCK;
        this.enabled = true;
        this.createdAt = at;
        changeAmount(amount, at);
    }

    public static Budget forTenant(UUID tenantId, BudgetPeriod period, Money amount, Instant at) {
        return new Budget(tenantId, BudgetScope.TENANT, null, null, period, amount, at);
    }

    public static Budget forApp(UUID tenantId, UUID appId, BudgetPeriod period, Money amount, Instant at) {
        return new Budget(tenantId, BudgetScope.APP, Objects.requireNonNull(appId, "appId"), null, period, amount, at);
    }

    public static Budget forAppModel(UUID tenantId, UUID appId, UUID modelId, BudgetPeriod period, Money amount,
                                     Instant at) {
        return new Budget(tenantId, BudgetScope.APP_MODEL, Objects.requireNonNull(appId, "appId"),
                Objects.requireNonNull(modelId, "modelId"), period, amount, at);
    }

    public void changeAmount(Money amount, Instant at) {
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("A budget amount must be positive, was " + amount);
        }
        this.amountUsd = amount.amount();
        this.updatedAt = at;
    }

    /** @param thresholds percentages of the amount (1 to 1000) at which an alert is raised */
    public void changeThresholds(List<Integer> thresholds, Instant at) {
        for (int threshold : thresholds) {
            if (threshold < 1 || threshold > 1000) {
                throw new IllegalArgumentException("A threshold must be between 1 and 1000 percent, was " + threshold);
            }
        }
        this.thresholds = thresholds.stream().sorted().distinct().toList();
        this.updatedAt = at;
    }

    public void block(Instant at) {
        changeAction(BudgetAction.BLOCK, null, at);
    }

    public void alertOnly(Instant at) {
        changeAction(BudgetAction.ALERT_ONLY, null, at);
    }

    /** Once spent, requests are served by the cheaper {@code downgradeModelId} instead. */
    public void downgradeTo(UUID downgradeModelId, Instant at) {
        changeAction(BudgetAction.DOWNGRADE, Objects.requireNonNull(downgradeModelId, "downgradeModelId"), at);
    }

    private void changeAction(BudgetAction action, @Nullable UUID downgradeModelId, Instant at) {
        this.action = action;
        this.downgradeModelId = downgradeModelId;
        this.updatedAt = at;
    }

    public void changeEnabled(boolean enabled, Instant at) {
        this.enabled = enabled;
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public BudgetScope getScope() {
        return scope;
    }

    public Optional<UUID> getAppId() {
        return Optional.ofNullable(appId);
    }

    public Optional<UUID> getModelId() {
        return Optional.ofNullable(modelId);
    }

    public BudgetPeriod getPeriod() {
        return period;
    }

    public Money getAmount() {
        return Money.of(amountUsd);
    }

    public List<Integer> getThresholds() {
        return List.copyOf(thresholds);
    }

    public BudgetAction getAction() {
        return action;
    }

    public Optional<UUID> getDowngradeModelId() {
        return Optional.ofNullable(downgradeModelId);
    }

    public boolean isEnabled() {
        return enabled;
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
