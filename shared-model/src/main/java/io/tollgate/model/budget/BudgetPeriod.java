package io.tollgate.model.budget;

/** How long a budget's spend adds up before it starts again (UTC day, Monday-started week, calendar month). */
public enum BudgetPeriod {
    DAY,
    WEEK,
    MONTH
}
