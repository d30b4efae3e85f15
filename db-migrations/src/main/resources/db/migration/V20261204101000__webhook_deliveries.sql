-- Every delivery to a tenant webhook, written by the code that sends it (budget alerts and test deliveries alike):
-- one row per webhook and event, with how many attempts it took and how the last one ended, so a tenant sees its
-- recent deliveries and billing skips the webhooks an alert already reached. Replaces
-- budget_alert_webhook_deliveries, which knew only the successes.

alter table webhooks add constraint webhooks_tenant_id_id_key unique (tenant_id, id);

create table webhook_deliveries (
    id               uuid primary key,
    tenant_id        uuid        not null,
    webhook_id       uuid        not null,
    -- the Tollgate-Event-Id sent: a budget alert's id, or a fresh id for a test delivery
    event_id         uuid        not null,
    event_type       text        not null,
    status           text        not null check (status in ('DELIVERED', 'FAILED')),
    attempts         integer     not null check (attempts >= 1),
    -- the receiver's answer to the last attempt; NULL when it could not be reached
    http_status      integer     check (http_status between 100 and 599),
    last_error       text,
    first_attempt_at timestamptz not null,
    last_attempt_at  timestamptz not null,
    unique (webhook_id, event_id),
    -- a delivery can never name another tenant's webhook
    foreign key (tenant_id, webhook_id) references webhooks (tenant_id, id) on delete cascade
);
create index webhook_deliveries_recent_idx on webhook_deliveries (tenant_id, last_attempt_at desc);

insert into webhook_deliveries (id, tenant_id, webhook_id, event_id, event_type, status, attempts, http_status,
                                first_attempt_at, last_attempt_at)
select gen_random_uuid(), w.tenant_id, d.webhook_id, d.alert_id, 'budget.threshold', 'DELIVERED', 1, null,
       d.delivered_at, d.delivered_at
from budget_alert_webhook_deliveries d
join webhooks w on w.id = d.webhook_id;

drop table budget_alert_webhook_deliveries;
