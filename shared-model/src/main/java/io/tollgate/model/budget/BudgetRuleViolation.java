package io.tollgate.model.budget;

/** Budget terms that break one of a budget's rules; the message says which, in words a user can act on. */
public class BudgetRuleViolation extends IllegalArgumentException {

    BudgetRuleViolation(String message) {
        super(message);
    }
}
