package io.tollgate.gateway.budget;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.metering.UsageListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Books the cost of newly inserted usage events on every budget they count against, in the batch's transaction, and
 * records each threshold the new spend has reached once (budget, period, threshold are unique, so however many
 * replicas cross it together, one alert row is written). The budgets are matched in SQL against the committed
 * configuration, so a budget deleted or changed since the request cannot fail the batch. Spend rows are locked in
 * key order, so concurrent batches from several replicas cannot deadlock on them.
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
        var costing = inserted.stream().filter(event -> event.costUsd().signum() > 0).toList();
        if (costing.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(ADD_SPEND_AND_ALERTS)) {
            statement.setArray(1, text(connection, costing, UsageEvent::tenantId));
            statement.setArray(2, text(connection, costing, UsageEvent::appId));
            statement.setArray(3, text(connection, costing, UsageEvent::servedModel));
            statement.setArray(4, connection.createArrayOf("numeric", costing.stream().map(UsageEvent::costUsd).toArray()));
            statement.setArray(5, text(connection, costing, UsageEvent::occurredAt));
            statement.executeUpdate();
        }
    }

    private static java.sql.Array text(Connection connection, List<UsageEvent> events, Function<UsageEvent, Object> column)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(column).map(v -> v == null ? null : v.toString()).toArray());
    }
}
