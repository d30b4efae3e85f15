package io.tollgate.model.budget;

/** What the gateway does once a budget is spent. */
public enum BudgetAction {
    BLOCK,
    DOWNGRADE,
    ALERT_ONLY
}
