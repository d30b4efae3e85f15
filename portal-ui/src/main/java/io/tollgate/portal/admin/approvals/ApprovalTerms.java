package io.tollgate.portal.admin.approvals;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What an approval grants: optional per-subscription limit overrides (null keeps the plan's value) and an optional
 * budget for the app and model, created in the same step so approved access need not be unbounded.
 */
public record ApprovalTerms(@Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                            @Nullable Long tokensPerDay, @Nullable BigDecimal monthlyBudgetUsd,
                            String budgetAction, @Nullable String reason) {

    public static ApprovalTerms plain(String reason) {
        return new ApprovalTerms(null, null, null, null, "BLOCK", reason);
    }
}
