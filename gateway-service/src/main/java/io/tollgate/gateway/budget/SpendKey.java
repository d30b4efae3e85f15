package io.tollgate.gateway.budget;

import io.tollgate.gateway.snapshot.BudgetEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One budget in one period: a row of {@code budget_spend}. */
record SpendKey(UUID budgetId, LocalDate periodStart) {

    static SpendKey of(BudgetEntry budget, Instant at) {
        return new SpendKey(budget.id(), budget.period().start(at));
    }
}
