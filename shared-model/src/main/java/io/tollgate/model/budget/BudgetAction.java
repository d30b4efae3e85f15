package io.tollgate.model.budget;

/** What the gateway does once the budget is spent: refuse, route to a cheaper model, or only alert. */
public enum BudgetAction {
    BLOCK,
    DOWNGRADE,
    ALERT_ONLY
}
