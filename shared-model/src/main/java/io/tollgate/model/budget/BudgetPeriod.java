package io.tollgate.model.budget;

/** Periods start on the UTC day, the Monday, or the first of the month. */
public enum BudgetPeriod {
    DAY,
    WEEK,
    MONTH
}
