package io.tollgate.gateway.budget;

import io.tollgate.gateway.budget.BudgetReservations.Gate;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.limits.RateLimitHeaders;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.BudgetEntry.Action;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Once a BLOCK budget covering the request (tenant, app, or app and model of the model that will serve it, after a
 * downgrade by {@link DowngradePolicy}) has reached 100 percent of its amount in the current UTC period, refuses with
 * 429 {@code insufficient_quota}; ALERT_ONLY lets the request through (the alert rows are written with the spend).
 * BLOCK budgets not spent yet go through {@link BudgetReservations}. Spend comes from {@link SpendLedger} in memory:
 * never a database call here, and fail-open on a stale read (the replica's own costs still count).
 */
@Component
public class BudgetPolicy implements GatewayPolicy {

    private static final Duration RESERVATION_RECHECK = Duration.ofMillis(5);

    private final SpendLedger ledger;
    private final BudgetReservations reservations;
    private final BudgetProperties properties;

    public BudgetPolicy(SpendLedger ledger, BudgetReservations reservations, BudgetProperties properties) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.properties = properties;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var budgets = covering(context);
        if (budgets.isEmpty()) {
            return Mono.empty();
        }
        return admit(context, budgets, System.nanoTime() + properties.reservationWait().toNanos());
    }

    /**
     * Refuses on a spent BLOCK budget, else reserves the request's cost bound on the BLOCK budgets; a request with no
     * room beside those in flight waits for them (re-checking every few milliseconds, without holding a thread) and
     * is refused with {@code budget_reserved} only if they are still running after the reservation wait.
     */
    private Mono<Rejection> admit(RequestContext context, List<BudgetEntry> budgets, long deadlineNanos) {
        var spent = refusedAsSpent(context, budgets);
        if (spent != null) {
            return Mono.just(spent);
        }
        var full = reserve(context, budgets);
        if (full.isEmpty()) {
            return Mono.empty();
        }
        // the requests that were in flight may have finished, and spent the budget, since the check above
        spent = refusedAsSpent(context, budgets);
        if (spent != null) {
            return Mono.just(spent);
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            RateLimitHeaders.retryAfter(context.responseHeaders(), 1);
            return Mono.just(BudgetRejections.reserved(context, full.get()));
        }
        return Mono.delay(RESERVATION_RECHECK).then(Mono.defer(() -> admit(context, budgets, deadlineNanos)));
    }

    /** The refusal of a request on a BLOCK budget that has reached its amount, with the next period's start. */
    private @Nullable Rejection refusedAsSpent(RequestContext context, List<BudgetEntry> budgets) {
        var block = ledger.firstReached(budgets, Action.BLOCK, context.receivedAt());
        if (block == null) {
            return null;
        }
        var period = block.period();
        LocalDate nextPeriod = period.next(period.start(context.receivedAt()));
        RateLimitHeaders.retryAfter(context.responseHeaders(), RateLimitHeaders.retryAfterSeconds(
                Duration.between(context.receivedAt(), nextPeriod.atStartOfDay(ZoneOffset.UTC)).toNanos()));
        return BudgetRejections.spent(context, block, nextPeriod);
    }

    /** Reserves the request's cost bound on its BLOCK budgets until it completes; or the budget without room now. */
    private Optional<BudgetEntry> reserve(RequestContext context, List<BudgetEntry> budgets) {
        var gates = new ArrayList<Gate>(budgets.size());
        for (BudgetEntry budget : budgets) {
            if (budget.action() == Action.BLOCK) {
                gates.add(new Gate(budget, SpendKey.of(budget, context.receivedAt())));
            }
        }
        if (gates.isEmpty()) {
            return Optional.empty();
        }
        var admission = reservations.admit(gates, CostBound.of(context), ledger::spent);
        if (admission.full().isEmpty()) {
            context.onCompletion(admission.release());
        }
        return admission.full();
    }

    static List<BudgetEntry> covering(RequestContext context) {
        var caller = context.caller().orElseThrow();
        return CoveringBudgets.of(context.snapshot(), caller.tenant().id(), caller.app().id(), context.model().orElseThrow().id());
    }

    @Override
    public int getOrder() {
        return PolicyOrder.BUDGET;
    }

    @Override
    public String toString() {
        return "BudgetPolicy[" + PolicyOrder.BUDGET + "] BLOCK / ALERT_ONLY at 100%";
    }
}
