package io.tollgate.portal.budgets;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Array;
import java.sql.SQLException;
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

/** Budgets of the signed-in tenant at tenant, app and app+model scope, with this period's spend. */
@Service
@Transactional
public class BudgetService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    BudgetService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
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
        UUID tenantId = currentUser.tenantId();
        Integer[] thresholds = check(tenantId, null, draft);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into budgets (id, tenant_id, scope, app_id, model_id, period, amount_usd, thresholds,
                                             action, downgrade_model_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, draft.scope(), draft.appId(), draft.modelId(), draft.period(), draft.amountUsd(),
                        thresholds, draft.action(), draft.downgradeModelId())
                .update();
        record(tenantId, "budget.create", id, draft);
        return id;
    }

    /** Changes the budget as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void update(UUID budgetId, long expectedVersion, BudgetDraft draft) {
        UUID tenantId = currentUser.tenantId();
        // another tenant's budget is "not found" before anything is said about this tenant's own budgets
        if (!jdbc.sql("select exists(select 1 from budgets where id = ? and tenant_id = ?)").params(budgetId, tenantId)
                .query(Boolean.class).single()) {
            throw PortalException.notFound("Budget");
        }
        Integer[] thresholds = check(tenantId, budgetId, draft);
        int written = jdbc.sql("""
                        update budgets set scope = ?, app_id = ?, model_id = ?, period = ?, amount_usd = ?,
                            thresholds = ?, action = ?, downgrade_model_id = ?, updated_at = now(), version = version + 1
                        where id = ? and tenant_id = ? and version = ?""")
                .params(draft.scope(), draft.appId(), draft.modelId(), draft.period(), draft.amountUsd(), thresholds,
                        draft.action(), draft.downgradeModelId(), budgetId, tenantId, expectedVersion)
                .update();
        if (written == 0) {
            find(budgetId).orElseThrow(() -> PortalException.notFound("Budget"));
            throw new OptimisticLockingFailureException("Budget " + budgetId + " changed since version "
                    + expectedVersion);
        }
        record(tenantId, "budget.update", budgetId, draft);
    }

    private Integer[] check(UUID tenantId, @Nullable UUID budgetId, BudgetDraft draft) {
        Integer[] thresholds = BudgetRules.check(draft);
        if (draft.appId() != null) {
            boolean ownApp = jdbc.sql("select exists(select 1 from apps where id = ? and tenant_id = ?)")
                    .params(draft.appId(), tenantId).query(Boolean.class).single();
            if (!ownApp) {
                throw PortalException.notFound("App");
            }
        }
        boolean duplicate = jdbc.sql("""
                        select exists(select 1 from budgets where tenant_id = ? and app_id is not distinct from ?
                                      and model_id is not distinct from ? and period = ? and id is distinct from ?)""")
                .params(tenantId, draft.appId(), draft.modelId(), draft.period(), budgetId)
                .query(Boolean.class).single();
        if (duplicate) {
            throw PortalException.conflict("A budget for this target and period already exists; edit that one");
        }
        return thresholds;
    }

    private void record(UUID tenantId, String action, UUID budgetId, BudgetDraft draft) {
        audit.record(tenantId, action, "budget", budgetId, Map.of(
                "scope", draft.scope(), "period", draft.period(), "amountUsd", draft.amountUsd().toPlainString(),
                "action", draft.action()));
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void delete(UUID budgetId) {
        UUID tenantId = currentUser.tenantId();
        if (jdbc.sql("delete from budgets where id = ? and tenant_id = ?").params(budgetId, tenantId).update() == 0) {
            throw PortalException.notFound("Budget");
        }
        audit.record(tenantId, "budget.delete", "budget", budgetId, Map.of());
    }

    private static String thresholds(Array array) throws SQLException {
        return Arrays.stream((Integer[]) array.getArray()).map(String::valueOf).collect(Collectors.joining(","));
    }
}
