package io.tollgate.portal.budgets;

import io.tollgate.model.account.Roles;
import io.tollgate.model.app.AppRepository;
import io.tollgate.model.budget.Budget;
import io.tollgate.model.budget.BudgetRepository;
import io.tollgate.model.budget.BudgetTerms;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets of the signed-in tenant at tenant, app and app+model scope: each changed through the tenant-scoped
 * repository, listed with this period's spend and the app and model names in SQL.
 */
@Service
@Transactional
public class BudgetService {

    private final BudgetRepository budgets;
    private final AppRepository apps;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    BudgetService(BudgetRepository budgets, AppRepository apps, JdbcClient jdbc, CurrentUser currentUser,
                  AuditLog audit, Clock clock) {
        this.budgets = budgets;
        this.apps = apps;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public List<BudgetSummary> list() {
        return jdbc.sql("""
                        select b.id, b.scope, b.app_id, b.model_id, b.period, b.amount_usd, b.thresholds, b.action,
                               b.downgrade_model_id, b.version, a.name app_name, m.name model_name,
                               coalesce(s.spent_usd, 0) spent_usd
                        from budgets b
                        left join apps a on a.id = b.app_id and a.tenant_id = b.tenant_id
                        left join models m on m.id = b.model_id
                        left join budget_spend s on s.budget_id = b.id and s.period_start = case b.period
                            when 'DAY' then (now() at time zone 'UTC')::date
                            when 'WEEK' then date_trunc('week', now() at time zone 'UTC')::date
                            else date_trunc('month', now() at time zone 'UTC')::date end
                        where b.tenant_id = ? order by b.scope, a.name, m.name""")
                .param(currentUser.tenantId())
                .query((rs, n) -> new BudgetSummary(rs.getObject("id", UUID.class), new BudgetDraft(
                        rs.getString("scope"), rs.getObject("app_id", UUID.class), rs.getObject("model_id", UUID.class),
                        rs.getString("period"), rs.getBigDecimal("amount_usd"), thresholds(rs.getArray("thresholds")),
                        rs.getString("action"), rs.getObject("downgrade_model_id", UUID.class)),
                        rs.getString("app_name"), rs.getString("model_name"), rs.getBigDecimal("spent_usd"),
                        rs.getLong("version")))
                .list();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public Optional<BudgetSummary> find(UUID budgetId) {
        return list().stream().filter(budget -> budget.id().equals(budgetId)).findFirst();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public UUID create(BudgetDraft draft) {
        BudgetTerms terms = check(null, draft);
        Budget budget = budgets.saveAndFlush(new Budget(terms, clock.instant()));
        record("budget.create", budget.getId(), draft);
        return budget.getId();
    }

    /** Changes the budget as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void update(UUID budgetId, long expectedVersion, BudgetDraft draft) {
        // another tenant's budget is "not found" before anything is said about this tenant's own budgets
        Budget budget = budgets.findById(budgetId).orElseThrow(() -> PortalException.notFound("Budget"));
        BudgetTerms terms = check(budgetId, draft);
        if (budget.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Budget " + budgetId + " changed since version "
                    + expectedVersion);
        }
        budget.change(terms, clock.instant());
        budgets.saveAndFlush(budget);
        record("budget.update", budgetId, draft);
    }

    private BudgetTerms check(@Nullable UUID budgetId, BudgetDraft draft) {
        BudgetTerms terms = BudgetRules.terms(draft);
        if (terms.appId() != null && apps.findById(terms.appId()).isEmpty()) {
            throw PortalException.notFound("App");
        }
        boolean duplicate = budgets.findForTarget(terms.appId(), terms.modelId(), terms.period())
                .filter(existing -> !existing.getId().equals(budgetId)).isPresent();
        if (duplicate) {
            throw PortalException.conflict("A budget for this target and period already exists; edit that one");
        }
        return terms;
    }

    private void record(String action, UUID budgetId, BudgetDraft draft) {
        audit.record(currentUser.tenantId(), action, "budget", budgetId, Map.of(
                "scope", draft.scope(), "period", draft.period(), "amountUsd", draft.amountUsd().toPlainString(),
                "action", draft.action()));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void delete(UUID budgetId) {
        budgets.delete(budgets.findById(budgetId).orElseThrow(() -> PortalException.notFound("Budget")));
        audit.record(currentUser.tenantId(), "budget.delete", "budget", budgetId, Map.of());
    }

    private static String thresholds(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).map(String::valueOf).collect(Collectors.joining(","));
    }
}
