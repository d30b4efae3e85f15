package io.tollgate.model.budget;

public enum BudgetScope {
    TENANT,
    APP,
    APP_MODEL
}
