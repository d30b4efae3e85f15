package io.tollgate.gateway.budget;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.metering.UsageListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Books the cost of newly inserted usage events on every budget they count against, in the batch's transaction, and
 * records each threshold the new spend has reached once (budget, period, threshold are unique, so however many
 * replicas cross it together, one alert row is written). The budgets are matched in SQL against the committed
 * configuration, so a budget deleted or changed since the request cannot fail the batch. Spend rows are locked in
 * key order, so concurrent batches from several replicas cannot deadlock on them. The batch's costs reach the
 * database summed per tenant, app, model and UTC day (exact sums; every budget period is whole days).
 */
@Component
class BudgetSpendWriter implements UsageListener {

    static final String ADD_SPEND_AND_ALERTS = """
            with events as (
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::numeric[], ?::timestamptz[])
                    as e(tenant_id, app_id, served_model, cost_usd, occurred_at)
                where e.cost_usd > 0
            ), costs as (
                select b.id as budget_id,
                       case b.period when 'DAY' then (e.occurred_at at time zone 'UTC')::date
                                     when 'WEEK' then date_trunc('week', e.occurred_at at time zone 'UTC')::date
                                     else date_trunc('month', e.occurred_at at time zone 'UTC')::date end as period_start,
                       sum(e.cost_usd) as cost_usd
                from events e
                left join models m on m.name = e.served_model
                join budgets b on b.tenant_id = e.tenant_id and b.enabled
                              and (b.app_id is null or b.app_id = e.app_id)
                              and (b.model_id is null or b.model_id = m.id)
                group by 1, 2
            ), spend as (
                insert into budget_spend as s (budget_id, period_start, spent_usd)
                select budget_id, period_start, cost_usd from costs order by budget_id, period_start
                on conflict (budget_id, period_start)
                    do update set spent_usd = s.spent_usd + excluded.spent_usd, updated_at = now()
                returning s.budget_id, s.period_start, s.spent_usd
            )
            insert into budget_alerts (id, budget_id, tenant_id, period_start, threshold_percent, spent_usd, budget_usd)
            select gen_random_uuid(), b.id, b.tenant_id, s.period_start, t.percent, s.spent_usd, b.amount_usd
            from spend s
            join budgets b on b.id = s.budget_id
            cross join lateral unnest(b.thresholds) as t(percent)
            where s.spent_usd * 100 >= b.amount_usd * t.percent
            order by b.id, t.percent
            on conflict (budget_id, period_start, threshold_percent) do nothing""";

    @Override
    public void inserted(Connection connection, List<UsageEvent> inserted) throws SQLException {
        var costs = costsByDay(inserted);
        if (costs.isEmpty()) {
            return;
        }
        int rows = costs.size();
        Object[] tenants = new Object[rows];
        Object[] apps = new Object[rows];
        Object[] models = new Object[rows];
        Object[] amounts = new Object[rows];
        Object[] days = new Object[rows];
        int row = 0;
        for (var cost : costs.entrySet()) {
            var key = cost.getKey();
            tenants[row] = key.tenantId().toString();
            apps[row] = key.appId().toString();
            models[row] = key.servedModel();
            amounts[row] = cost.getValue();
            days[row] = key.day().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            row++;
        }
        try (PreparedStatement statement = connection.prepareStatement(ADD_SPEND_AND_ALERTS)) {
            statement.setArray(1, connection.createArrayOf("text", tenants));
            statement.setArray(2, connection.createArrayOf("text", apps));
            statement.setArray(3, connection.createArrayOf("text", models));
            statement.setArray(4, connection.createArrayOf("numeric", amounts));
            statement.setArray(5, connection.createArrayOf("text", days));
            statement.executeUpdate();
        }
    }

    /** Where a cost counts: every budget period (day, week, month) is a whole number of UTC days. */
    record SpendTarget(UUID tenantId, UUID appId, @Nullable String servedModel, LocalDate day) {
    }

    /**
     * The batch's costs summed exactly per tenant, app, served model and UTC day: a batch of one app's traffic is a
     * row or two for the database to match against budgets, not one per event.
     */
    static Map<SpendTarget, BigDecimal> costsByDay(List<UsageEvent> events) {
        Map<SpendTarget, BigDecimal> costs = new LinkedHashMap<>();
        for (UsageEvent event : events) {
            if (event.costUsd().signum() > 0) {
                costs.merge(new SpendTarget(event.tenantId(), event.appId(), event.servedModel(),
                        LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC)), event.costUsd(), BigDecimal::add);
            }
        }
        return costs;
    }
}
