package io.tollgate.billing.alerts;

import io.tollgate.model.webhook.WebhookTarget;

final class AlertSql {

    static final String CLAIM_NEXT = """
            select a.id, a.budget_id, a.tenant_id, t.name as tenant_name, b.scope, b.app_id,
                   b.model_id, b.period, a.period_start, a.threshold_percent, a.spent_usd, a.budget_usd, a.created_at,
                   a.webhook_status, a.email_status, a.attempts
            from budget_alerts a
            join budgets b on b.id = a.budget_id
            join tenants t on t.id = a.tenant_id
            where (a.webhook_status = 'PENDING' or a.email_status = 'PENDING')
              and (a.next_attempt_at is null or a.next_attempt_at <= :now)
            order by a.created_at, a.id
            limit 1
            for update of a skip locked
            """;

    static final String UNDELIVERED_WEBHOOKS = "select " + WebhookTarget.COLUMNS + " from webhooks w" + """

            where w.tenant_id = :tenant and w.enabled and 'budget.threshold' = any (w.events)
              and not exists (select 1 from webhook_deliveries d
                              where d.tenant_id = :tenant and d.webhook_id = w.id and d.event_id = :alert
                                and d.status = 'DELIVERED')
            order by w.created_at, w.id
            """;

    static final String COUNT_WEBHOOKS = """
            select count(*) from webhooks w
            where w.tenant_id = :tenant and w.enabled and 'budget.threshold' = any (w.events)
            """;

    private AlertSql() {
    }
}
