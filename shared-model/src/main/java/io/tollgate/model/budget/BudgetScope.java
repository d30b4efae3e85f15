package io.tollgate.model.budget;

/** What a budget caps: the whole tenant, one app, or one app's use of one model. */
public enum BudgetScope {
    TENANT,
    APP,
    APP_MODEL
}
