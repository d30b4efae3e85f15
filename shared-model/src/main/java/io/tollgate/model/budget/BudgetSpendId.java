package io.tollgate.model.budget;

import java.time.LocalDate;
import java.util.UUID;

/** The key of {@link BudgetSpend}: a budget and the first day of one of its periods. */
public record BudgetSpendId(UUID budgetId, LocalDate periodStart) {
}
