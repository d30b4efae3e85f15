package io.tollgate.gateway.budget;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.BudgetEntry.Action;
import io.tollgate.gateway.snapshot.ModelEntry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Once a budget covering the request (tenant, app, or app and model) has reached 100 percent of its amount in the
 * current UTC period: BLOCK refuses with 429 {@code insufficient_quota}; DOWNGRADE serves the budget's cheaper model
 * instead (the app must hold an approved subscription to it, and the cheaper model's own BLOCK budgets still apply;
 * downgrades do not chain); ALERT_ONLY lets the request through (the alert rows are written with the spend). BLOCK
 * wins over DOWNGRADE; among downgrades the most specific budget decides. Spend comes from {@link SpendLedger}, in
 * memory: fail-open on a stale read, never a database call here.
 */
@Component
public class BudgetPolicy implements GatewayPolicy {

    private final SpendLedger ledger;

    public BudgetPolicy(SpendLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var caller = context.caller().orElseThrow();
        ModelEntry model = context.model().orElseThrow();
        var budgets = CoveringBudgets.of(context.snapshot(), caller.tenant().id(), caller.app().id(), model.id());
        if (budgets.isEmpty()) {
            return Mono.empty();
        }
        var spent = spentOnes(context, budgets);
        var block = spent.stream().filter(b -> b.action() == Action.BLOCK).findFirst();
        if (block.isPresent()) {
            return Mono.just(refusal(context, block.get()));
        }
        return spent.stream().filter(b -> b.action() == Action.DOWNGRADE).findFirst()
                .map(downgrade -> Mono.justOrEmpty(downgrade(context, downgrade)))
                .orElseGet(Mono::empty);
    }

    private Optional<Rejection> downgrade(RequestContext context, BudgetEntry budget) {
        var caller = context.caller().orElseThrow();
        String cheaper = budget.downgradeModel().orElseThrow();
        var target = context.snapshot().model(cheaper);
        var subscription = target.flatMap(m -> context.snapshot().approvedSubscription(caller.app().id(), m.id()));
        if (subscription.isEmpty()) {
            return Optional.of(BudgetRejections.downgradeUnavailable(context, budget, cheaper));
        }
        var targetBudgets = CoveringBudgets.of(context.snapshot(), caller.tenant().id(), caller.app().id(), target.get().id());
        var block = spentOnes(context, targetBudgets).stream().filter(b -> b.action() == Action.BLOCK).findFirst();
        if (block.isPresent()) {
            return Optional.of(refusal(context, block.get()));
        }
        context.subscribed(target.get(), subscription.get());
        return Optional.empty();
    }

    private List<BudgetEntry> spentOnes(RequestContext context, List<BudgetEntry> budgets) {
        return budgets.stream()
                .filter(b -> ledger.spent(SpendKey.of(b, context.receivedAt())).compareTo(b.amountUsd()) >= 0)
                .toList();
    }

    private static Rejection refusal(RequestContext context, BudgetEntry budget) {
        return BudgetRejections.spent(context, budget, budget.period().start(context.receivedAt()));
    }

    @Override
    public int getOrder() {
        return PolicyOrder.BUDGET;
    }

    @Override
    public String toString() {
        return "BudgetPolicy[" + PolicyOrder.BUDGET + "] BLOCK / DOWNGRADE / ALERT_ONLY at 100%";
    }
}
