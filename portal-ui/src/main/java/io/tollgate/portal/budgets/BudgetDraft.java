package io.tollgate.portal.budgets;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget as edited: scope TENANT, APP or APP_MODEL; period DAY, WEEK or MONTH; thresholds as "50,80,100"
 * percentages; action BLOCK, DOWNGRADE (to {@code downgradeModelId}) or ALERT_ONLY at 100 percent.
 */
public record BudgetDraft(String scope, @Nullable UUID appId, @Nullable UUID modelId, String period,
                          @Nullable BigDecimal amountUsd, String thresholds, String action,
                          @Nullable UUID downgradeModelId) {

    public static BudgetDraft empty() {
        return new BudgetDraft("TENANT", null, null, "MONTH", null, "50,80,100", "BLOCK", null);
    }
}
