package io.tollgate.gateway.budget;

import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The budgets a request of an app for a model counts against, the most specific first (app+model, app, tenant). */
final class CoveringBudgets {

    private static final Comparator<BudgetEntry> MOST_SPECIFIC_FIRST = Comparator
            .comparing((BudgetEntry b) -> b.modelId() == null).thenComparing(b -> b.appId() == null);

    private CoveringBudgets() {
    }

    static List<BudgetEntry> of(ConfigSnapshot snapshot, UUID tenantId, UUID appId, @Nullable UUID modelId) {
        var budgets = snapshot.budgets(tenantId);
        if (budgets.isEmpty()) {
            return List.of();
        }
        var covering = new ArrayList<BudgetEntry>(budgets.size());
        for (BudgetEntry budget : budgets) {
            if (budget.covers(appId, modelId)) {
                covering.add(budget);
            }
        }
        covering.sort(MOST_SPECIFIC_FIRST);
        return covering;
    }
}
