package io.tollgate.model.budget;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
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

/**
 * The exact spend of one budget in one period. The gateway increments it with SQL in the same transaction as
 * the usage events it counts, so every replica sees the same total; this entity is for reading it.
 */
@Entity
@Table(name = "budget_spend")
@IdClass(BudgetSpendId.class)
public class BudgetSpend extends PersistableEntity<BudgetSpendId> {

    @Id
    private UUID budgetId;
    @Id
    private LocalDate periodStart;
    @Column(precision = 28, scale = 15)
    private BigDecimal spentUsd;
    private Instant updatedAt;

    protected BudgetSpend() {
    }

    public BudgetSpend(UUID budgetId, LocalDate periodStart, Instant at) {
        this.budgetId = Objects.requireNonNull(budgetId, "budgetId");
        this.periodStart = Objects.requireNonNull(periodStart, "periodStart");
        this.spentUsd = BigDecimal.ZERO;
        this.updatedAt = at;
    }

    public void add(Money cost, Instant at) {
        if (cost.isNegative()) {
            throw new IllegalArgumentException("Spend only grows; cannot add " + cost);
        }
        this.spentUsd = spentUsd.add(cost.amount());
        this.updatedAt = at;
    }

    @Override
    public BudgetSpendId getId() {
        return new BudgetSpendId(budgetId, periodStart);
    }

    public UUID getBudgetId() {
        return budgetId;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public Money getSpent() {
        return Money.of(spentUsd);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
