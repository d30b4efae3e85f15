package io.tollgate.portal.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget with what has been spent in its current period; {@code version} is what an update must name. */
public record BudgetSummary(UUID id, BudgetDraft draft, @Nullable String appName, @Nullable String modelName,
                            BigDecimal spentUsd, long version) {

    public String target() {
        return switch (draft.scope()) {
            case "APP" -> "App " + appName;
            case "APP_MODEL" -> "App " + appName + " · " + modelName;
            default -> "Whole tenant";
        };
    }

    public int percentUsed() {
        return spentUsd.multiply(BigDecimal.valueOf(100)).divide(draft.amountUsd(), 0, RoundingMode.DOWN).intValue();
    }
}
