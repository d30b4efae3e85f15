package io.tollgate.model.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a budget caps and how: an app budget names an app, an app-and-model budget a model too, a tenant budget
 * neither; only the downgrade action names the model to downgrade to. Thresholds are the percentages of the amount at
 * which an alert goes out, kept sorted and distinct. The amount is kept exactly, as its column does (9 decimals).
 *
 * @throws BudgetRuleViolation when the terms break one of these rules
 */
public record BudgetTerms(BudgetScope scope, @Nullable UUID appId, @Nullable UUID modelId, BudgetPeriod period,
                          BigDecimal amountUsd, List<Integer> thresholds, BudgetAction action,
                          @Nullable UUID downgradeModelId) {

    /** The alert thresholds of a budget made without any (the column's default). */
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);
    static final int HIGHEST_THRESHOLD = 1000;
    static final int AMOUNT_SCALE = 9;

    public BudgetTerms {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(action, "action");
        amountUsd = amount(amountUsd);
        boolean needsApp = scope != BudgetScope.TENANT;
        boolean needsModel = scope == BudgetScope.APP_MODEL;
        if (needsApp != (appId != null) || needsModel != (modelId != null)) {
            throw new BudgetRuleViolation(switch (scope) {
                case APP -> "An app budget names an app and no model";
                case APP_MODEL -> "An app and model budget names both";
                case TENANT -> "A tenant budget names neither app nor model";
            });
        }
        if ((action == BudgetAction.DOWNGRADE) != (downgradeModelId != null)) {
            throw new BudgetRuleViolation("Pick the cheaper model to downgrade to (only for the downgrade action)");
        }
        thresholds = thresholds(thresholds);
    }

    /**
     * A budget's amount as its column, numeric(19, 9), keeps it: a 10th decimal would be rounded away there, so it is
     * refused here, as is an amount of zero or less.
     *
     * @throws BudgetRuleViolation when the amount breaks one of these rules
     */
    public static BigDecimal amount(@Nullable BigDecimal amountUsd) {
        if (amountUsd == null || amountUsd.signum() <= 0) {
            throw new BudgetRuleViolation("The amount must be more than zero");
        }
        try {
            return amountUsd.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new BudgetRuleViolation("The amount has at most " + AMOUNT_SCALE + " decimals");
        }
    }

    /**
     * The alert thresholds sorted and distinct.
     *
     * @throws BudgetRuleViolation unless there is one at least and each is a percentage from 1 to 1000
     */
    public static List<Integer> thresholds(List<Integer> percentages) {
        List<Integer> sorted = percentages.stream().distinct().sorted().toList();
        if (sorted.isEmpty() || sorted.getFirst() < 1 || sorted.getLast() > HIGHEST_THRESHOLD) {
            throw new BudgetRuleViolation("Thresholds are percentages between 1 and " + HIGHEST_THRESHOLD
                    + ", e.g. 50,80,100");
        }
        return sorted;
    }
}
