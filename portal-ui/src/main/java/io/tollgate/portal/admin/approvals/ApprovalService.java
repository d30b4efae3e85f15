package io.tollgate.portal.admin.approvals;

import io.tollgate.model.account.Roles;
import io.tollgate.model.budget.Budget;
import io.tollgate.model.budget.BudgetAction;
import io.tollgate.model.budget.BudgetPeriod;
import io.tollgate.model.budget.BudgetRepository;
import io.tollgate.model.budget.BudgetRuleViolation;
import io.tollgate.model.budget.BudgetScope;
import io.tollgate.model.budget.BudgetTerms;
import io.tollgate.model.subscription.IllegalSubscriptionTransitionException;
import io.tollgate.model.subscription.Subscription;
import io.tollgate.model.subscription.SubscriptionRepository;
import io.tollgate.model.subscription.SubscriptionStatus;
import io.tollgate.model.tenancy.PlatformScope;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform administrator's approvals queue: approve (with limits and a budget), reject, revoke. The queues are
 * set-based SQL across tenants; each decision loads the tenant's subscription in the {@link PlatformScope}, the one
 * way to change another tenant's entity, and applies the subscription's own state machine.
 */
@Service
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ApprovalService {

    private final PlatformScope platform;
    private final SubscriptionRepository subscriptions;
    private final BudgetRepository budgets;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ApprovalService(PlatformScope platform, SubscriptionRepository subscriptions, BudgetRepository budgets,
                    JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.platform = platform;
        this.subscriptions = subscriptions;
        this.budgets = budgets;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PendingRequest> pending() {
        return jdbc.sql("""
                        select s.id, s.tenant_id, t.name tenant_name, a.name app_name, m.name model_name,
                               s.justification, s.created_at,
                               (select coalesce(sum(e.cost_usd), 0) from usage_events e where e.tenant_id = s.tenant_id
                                  and e.occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC') spend
                        from subscriptions s join tenants t on t.id = s.tenant_id join apps a on a.id = s.app_id
                        join models m on m.id = s.model_id
                        where s.status = 'PENDING' order by s.created_at""")
                .query((rs, n) -> new PendingRequest(rs.getObject("id", UUID.class),
                        rs.getObject("tenant_id", UUID.class), rs.getString("tenant_name"), rs.getString("app_name"),
                        rs.getString("model_name"), rs.getString("justification"), rs.getBigDecimal("spend"),
                        Sql.instant(rs, "created_at")))
                .list();
    }

    /** Approved subscriptions whose tenant, app or model name contains {@code search}, newest decisions first. */
    @Transactional(readOnly = true)
    public List<ApprovedSubscription> approved(String search) {
        return jdbc.sql("""
                        select s.id, t.name tenant_name, a.name app_name, m.name model_name, s.decided_at
                        from subscriptions s join tenants t on t.id = s.tenant_id join apps a on a.id = s.app_id
                        join models m on m.id = s.model_id
                        where s.status = 'APPROVED'
                          and (t.name ilike :search or a.name ilike :search or m.name ilike :search)
                        order by s.decided_at desc nulls last limit 500""")
                .param("search", "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%")
                .query((rs, n) -> new ApprovedSubscription(rs.getObject("id", UUID.class), rs.getString("tenant_name"),
                        rs.getString("app_name"), rs.getString("model_name"), Sql.instant(rs, "decided_at")))
                .list();
    }

    public void approve(Collection<UUID> subscriptionIds, ApprovalTerms terms) {
        BigDecimal budget = terms.monthlyBudgetUsd() == null ? null : budgetAmount(terms.monthlyBudgetUsd());
        platform.run("approve subscriptions " + subscriptionIds, () -> {
            for (UUID id : subscriptionIds) {
                Subscription subscription = decide(id, SubscriptionStatus.APPROVED, decision ->
                        decision.approve(currentUser.require().userId(), blankToNull(terms.reason()),
                                terms.requestsPerMinute(), terms.tokensPerMinute(), terms.tokensPerDay(),
                                clock.instant()));
                if (budget != null) {
                    setBudget(subscription, budget, terms.budgetAction());
                }
                audit.record(subscription.getTenantId(), "subscription.approve", "subscription", id, Map.of(
                        "requestsPerMinute", String.valueOf(terms.requestsPerMinute()),
                        "tokensPerMinute", String.valueOf(terms.tokensPerMinute()),
                        "tokensPerDay", String.valueOf(terms.tokensPerDay()),
                        "monthlyBudgetUsd", String.valueOf(terms.monthlyBudgetUsd())));
            }
        });
    }

    public void reject(Collection<UUID> subscriptionIds, String reason) {
        if (reason.isBlank()) {
            throw new PortalException("Give the tenant a reason for the rejection");
        }
        platform.run("reject subscriptions " + subscriptionIds, () -> {
            for (UUID id : subscriptionIds) {
                Subscription subscription = decide(id, SubscriptionStatus.REJECTED, decision ->
                        decision.reject(currentUser.require().userId(), reason.trim(), clock.instant()));
                audit.record(subscription.getTenantId(), "subscription.reject", "subscription", id,
                        Map.of("reason", reason.trim()));
            }
        });
    }

    public void revoke(UUID subscriptionId, String reason) {
        if (reason.isBlank()) {
            throw new PortalException("Give the tenant a reason for revoking access");
        }
        platform.run("revoke subscription " + subscriptionId, () -> {
            Subscription subscription = decide(subscriptionId, SubscriptionStatus.REVOKED, decision ->
                    decision.revoke(currentUser.require().userId(), reason.trim(), clock.instant()));
            audit.record(subscription.getTenantId(), "subscription.revoke", "subscription", subscriptionId,
                    Map.of("reason", reason.trim()));
        });
    }

    private Subscription decide(UUID id, SubscriptionStatus next, Consumer<Subscription> decision) {
        Subscription subscription = subscriptions.findByIdForUpdate(id)
                .orElseThrow(() -> PortalException.notFound("Subscription"));
        try {
            decision.accept(subscription);
        } catch (IllegalSubscriptionTransitionException illegal) {
            throw new PortalException("A " + illegal.from() + " subscription cannot become " + next);
        }
        return subscription;
    }

    private static @Nullable String blankToNull(@Nullable String reason) {
        return reason == null || reason.isBlank() ? null : reason.trim();
    }

    /** The budget's rules are the budget's own: more than zero, exact to its column's 9 decimals. */
    private static BigDecimal budgetAmount(BigDecimal amount) {
        try {
            return BudgetTerms.amount(amount);
        } catch (BudgetRuleViolation refused) {
            throw new PortalException("Monthly budget: " + refused.getMessage());
        }
    }

    /**
     * The approval's monthly budget on the subscription's app and model: a budget already there (the tenant's own, or
     * an earlier approval's) takes the new amount and action and keeps its alert thresholds.
     */
    private void setBudget(Subscription subscription, BigDecimal amount, String action) {
        BudgetAction atFull = switch (action) {
            case "BLOCK" -> BudgetAction.BLOCK;
            case "ALERT_ONLY" -> BudgetAction.ALERT_ONLY;
            default -> throw new PortalException("An approval budget either blocks or only alerts");
        };
        Instant now = clock.instant();
        budgets.findForTarget(subscription.getAppId(), subscription.getModelId(), BudgetPeriod.MONTH).ifPresentOrElse(
                budget -> {
                    budget.change(terms(subscription, amount, budget.getTerms().thresholds(), atFull), now);
                    budgets.saveAndFlush(budget);
                },
                () -> budgets.saveAndFlush(new Budget(subscription.getTenantId(),
                        terms(subscription, amount, BudgetTerms.DEFAULT_THRESHOLDS, atFull), now)));
    }

    private static BudgetTerms terms(Subscription subscription, BigDecimal amount, List<Integer> thresholds,
                                     BudgetAction action) {
        return new BudgetTerms(BudgetScope.APP_MODEL, subscription.getAppId(), subscription.getModelId(),
                BudgetPeriod.MONTH, amount, thresholds, action, null);
    }
}
