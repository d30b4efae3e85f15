package io.tollgate.portal.budgets;

import io.tollgate.model.budget.BudgetAction;
import io.tollgate.model.budget.BudgetPeriod;
import io.tollgate.model.budget.BudgetRuleViolation;
import io.tollgate.model.budget.BudgetScope;
import io.tollgate.model.budget.BudgetTerms;
import io.tollgate.portal.common.PortalException;
import java.util.Arrays;
import java.util.List;

/** Reads a budget draft as the budget's terms, which check the budget's rules, before any database work. */
final class BudgetRules {

    private BudgetRules() {
    }

    /** The draft's terms, thresholds sorted and distinct. */
    static BudgetTerms terms(BudgetDraft draft) {
        BudgetScope scope;
        BudgetPeriod period;
        BudgetAction action;
        try {
            scope = BudgetScope.valueOf(draft.scope());
            period = BudgetPeriod.valueOf(draft.period());
            action = BudgetAction.valueOf(draft.action());
        } catch (IllegalArgumentException unknown) {
            throw new PortalException("Unknown scope, period or action");
        }
        List<Integer> thresholds = parseThresholds(draft.thresholds());
        try {
            return new BudgetTerms(scope, draft.appId(), draft.modelId(), period, draft.amountUsd(), thresholds,
                    action, draft.downgradeModelId());
        } catch (BudgetRuleViolation refused) {
            throw new PortalException(refused.getMessage());
        }
    }

    static List<Integer> parseThresholds(String text) {
        try {
            return BudgetTerms.thresholds(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList());
        } catch (NumberFormatException notNumbers) {
            throw new PortalException("Thresholds are whole percentages separated by commas, e.g. 50,80,100");
        } catch (BudgetRuleViolation outOfRange) {
            throw new PortalException(outOfRange.getMessage());
        }
    }
}
