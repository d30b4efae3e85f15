package io.tollgate.model.budget;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One crossed threshold of one budget period, written once; billing delivers it by webhook and email. */
@Entity
@Table(name = "budget_alerts")
public class BudgetAlert extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID budgetId;
    private UUID tenantId;
    private LocalDate periodStart;
    private int thresholdPercent;
    @Column(precision = 28, scale = 15)
    private BigDecimal spentUsd;
    @Column(precision = 19, scale = 9)
    private BigDecimal budgetUsd;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus webhookStatus;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus emailStatus;
    private int attempts;
    private @Nullable Instant nextAttemptAt;
    private @Nullable String lastError;

    protected BudgetAlert() {
    }

    public BudgetAlert(UUID budgetId, UUID tenantId, LocalDate periodStart, int thresholdPercent, Money spent,
                       Money budget, Instant at) {
        this.id = UUID.randomUUID();
        this.budgetId = Objects.requireNonNull(budgetId, "budgetId");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.periodStart = Objects.requireNonNull(periodStart, "periodStart");
        this.thresholdPercent = thresholdPercent;
        this.spentUsd = spent.amount();
        this.budgetUsd = budget.amount();
        this.webhookStatus = DeliveryStatus.PENDING;
        this.emailStatus = DeliveryStatus.PENDING;
        this.createdAt = at;
    }

    public void webhookDelivery(DeliveryStatus status) {
        this.webhookStatus = Objects.requireNonNull(status, "status");
    }

    public void emailDelivery(DeliveryStatus status) {
        this.emailStatus = Objects.requireNonNull(status, "status");
    }

    /** Counts a delivery attempt; {@code nextAttemptAt} null means no retry is scheduled. */
    public void recordAttempt(@Nullable String error, @Nullable Instant nextAttemptAt) {
        this.attempts++;
        this.lastError = error;
        this.nextAttemptAt = nextAttemptAt;
    }

    public boolean isPending() {
        return webhookStatus == DeliveryStatus.PENDING || emailStatus == DeliveryStatus.PENDING;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getBudgetId() {
        return budgetId;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public int getThresholdPercent() {
        return thresholdPercent;
    }

    public Money getSpent() {
        return Money.of(spentUsd);
    }

    public Money getBudget() {
        return Money.of(budgetUsd);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public DeliveryStatus getWebhookStatus() {
        return webhookStatus;
    }

    public DeliveryStatus getEmailStatus() {
        return emailStatus;
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<Instant> getNextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }
}
