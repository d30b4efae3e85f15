package io.tollgate.gateway.budget;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.BudgetEntry.Action;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Once a DOWNGRADE budget covering the request has reached 100 percent, serves the budget's cheaper model instead: the
 * app must hold an approved subscription to it, else 429 {@code insufficient_quota}. Runs after the subscription check
 * and before limits, so the limits of the model that serves the request apply (its subscription's per-request
 * maximum, concurrency and rates, and the tenant's ceilings), not those of the model that was asked for and is not
 * called. A spent BLOCK budget wins: nothing is swapped, and {@link BudgetPolicy} refuses. Among downgrades the most
 * specific budget decides; the cheaper model's own DOWNGRADE budgets are not followed (downgrades do not chain), its
 * BLOCK budgets apply in {@link BudgetPolicy}.
 */
@Component
public class DowngradePolicy implements GatewayPolicy {

    private final SpendLedger ledger;

    public DowngradePolicy(SpendLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var budgets = BudgetPolicy.covering(context);
        if (budgets.isEmpty()) {
            return Mono.empty();
        }
        var downgrade = ledger.firstReached(budgets, Action.DOWNGRADE, context.receivedAt());
        if (downgrade == null || ledger.firstReached(budgets, Action.BLOCK, context.receivedAt()) != null) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(downgrade(context, downgrade));
    }

    /** Serves the budget's cheaper model instead, or says why it cannot. */
    private static @Nullable Rejection downgrade(RequestContext context, BudgetEntry budget) {
        var app = context.caller().orElseThrow().app();
        String cheaper = budget.downgradeModel().orElseThrow();
        var target = context.snapshot().model(cheaper);
        var subscription = target.flatMap(m -> context.snapshot().approvedSubscription(app.id(), m.id()));
        if (subscription.isEmpty()) {
            return BudgetRejections.downgradeUnavailable(context, budget, cheaper);
        }
        context.subscribed(target.get(), subscription.get());
        return null;
    }

    @Override
    public int getOrder() {
        return PolicyOrder.BUDGET_DOWNGRADE;
    }

    @Override
    public String toString() {
        return "DowngradePolicy[" + PolicyOrder.BUDGET_DOWNGRADE + "] DOWNGRADE at 100%";
    }
}
