package io.tollgate.gateway.budget;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.BudgetEntry;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The 429s a spent budget answers with, in OpenAI's shape for an exhausted quota, naming the budget. */
final class BudgetRejections {

    static final String INSUFFICIENT_QUOTA = "insufficient_quota";
    static final String BUDGET_RESERVED = "budget_reserved";

    private BudgetRejections() {
    }

    static Rejection spent(RequestContext context, BudgetEntry budget, LocalDate nextPeriod) {
        return new Rejection(429, INSUFFICIENT_QUOTA, null, INSUFFICIENT_QUOTA, "The " + describe(context, budget)
                + " is used up; requests are refused until " + nextPeriod + " (UTC).");
    }

    static Rejection reserved(RequestContext context, BudgetEntry budget) {
        return new Rejection(429, INSUFFICIENT_QUOTA, null, BUDGET_RESERVED, "The " + describe(context, budget)
                + " is nearly used up and the requests in flight on it may spend the rest; retry when they have finished.");
    }

    static Rejection downgradeUnavailable(RequestContext context, BudgetEntry budget, String downgradeModel) {
        return new Rejection(429, INSUFFICIENT_QUOTA, null, INSUFFICIENT_QUOTA, "The " + describe(context, budget)
                + " is used up, and its cheaper model '" + downgradeModel + "' is not available to the app.");
    }

    /** "monthly budget of USD 10 for app 'search' and model 'gpt-4o' (budget 0f1e...)". */
    static String describe(RequestContext context, BudgetEntry budget) {
        var caller = context.caller().orElseThrow();
        String target = budget.appId() == null ? "tenant '" + caller.tenant().slug() + "'"
                : "app '" + caller.app().name() + "'" + (budget.modelId() == null ? "" : " and model '" + budget.modelName() + "'");
        return periodAdjective(budget.period()) + " budget of USD " + plain(budget.amountUsd()) + " for " + target
                + " (budget " + budget.id() + ")";
    }

    private static String periodAdjective(BudgetEntry.Period period) {
        return switch (period) {
            case DAY -> "daily";
            case WEEK -> "weekly";
            case MONTH -> "monthly";
        };
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
