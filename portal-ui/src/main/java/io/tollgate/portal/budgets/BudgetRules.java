package io.tollgate.portal.budgets;

import io.tollgate.portal.common.PortalException;
import java.util.Arrays;
import java.util.List;

/** The consistency rules of a budget draft, checked before any database work. */
final class BudgetRules {

    private static final List<String> SCOPES = List.of("TENANT", "APP", "APP_MODEL");
    private static final List<String> PERIODS = List.of("DAY", "WEEK", "MONTH");
    private static final List<String> ACTIONS = List.of("BLOCK", "DOWNGRADE", "ALERT_ONLY");

    private BudgetRules() {
    }

    /** Checks the draft and returns its thresholds, sorted and distinct. */
    static Integer[] check(BudgetDraft draft) {
        if (!SCOPES.contains(draft.scope()) || !PERIODS.contains(draft.period()) || !ACTIONS.contains(draft.action())) {
            throw new PortalException("Unknown scope, period or action");
        }
        if (draft.amountUsd() == null || draft.amountUsd().signum() <= 0) {
            throw new PortalException("The amount must be more than zero");
        }
        boolean needsApp = !draft.scope().equals("TENANT");
        boolean needsModel = draft.scope().equals("APP_MODEL");
        if (needsApp != (draft.appId() != null) || needsModel != (draft.modelId() != null)) {
            throw new PortalException(switch (draft.scope()) {
                case "APP" -> "An app budget names an app and no model";
                case "APP_MODEL" -> "An app and model budget names both";
                default -> "A tenant budget names neither app nor model";
            });
        }
        if (draft.action().equals("DOWNGRADE") != (draft.downgradeModelId() != null)) {
            throw new PortalException("Pick the cheaper model to downgrade to (only for the downgrade action)");
        }
        return parseThresholds(draft.thresholds());
    }

    static Integer[] parseThresholds(String text) {
        try {
            Integer[] values = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).distinct().sorted().toArray(Integer[]::new);
            if (values.length == 0 || values[0] < 1 || values[values.length - 1] > 1000) {
                throw new PortalException("Thresholds are percentages between 1 and 1000, e.g. 50,80,100");
            }
            return values;
        } catch (NumberFormatException notNumbers) {
            throw new PortalException("Thresholds are whole percentages separated by commas, e.g. 50,80,100");
        }
    }
}
