-- Tenant-owned access: apps, their API keys, model subscriptions and budgets.
-- Child rows reference (tenant_id, app_id) together so a row can never point at another tenant's app.

create table apps (
    id            uuid primary key,
    tenant_id     uuid        not null references tenants (id) on delete cascade,
    name          text        not null check (length(name) between 1 and 100),
    description   text        not null default '',
    status        text        not null default 'ACTIVE' check (status in ('ACTIVE', 'ARCHIVED')),
    cache_enabled boolean     not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint      not null default 0,
    unique (tenant_id, name),
    unique (tenant_id, id)
);

create table api_keys (
    id          uuid primary key,
    tenant_id   uuid        not null,
    app_id      uuid        not null,
    name        text        not null check (length(name) between 1 and 100),
    -- the first characters of the key ("tg_" + 8), shown in lists and used to find the row
    prefix      text        not null unique check (prefix ~ '^tg_[A-Za-z0-9]{8}$'),
    -- HMAC-SHA-256 of the whole key under the server secret named by hash_key_id
    secret_hash bytea       not null check (octet_length(secret_hash) = 32),
    hash_key_id text        not null default 'v1',
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    created_by  uuid        references users (id) on delete set null,
    -- set on the new key when a key is rotated; the old key keeps working until its expires_at
    rotated_from uuid       references api_keys (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0,
    foreign key (tenant_id, app_id) references apps (tenant_id, id) on delete cascade,
    check ((status = 'REVOKED') = (revoked_at is not null))
);
create index api_keys_app_idx on api_keys (tenant_id, app_id);

-- Written by the gateway's metering in batches; kept apart from api_keys so usage does not
-- fire configuration change notifications.
create table api_key_usage (
    api_key_id   uuid primary key references api_keys (id) on delete cascade,
    last_used_at timestamptz not null
);

create table subscriptions (
    id                      uuid primary key,
    tenant_id               uuid        not null,
    app_id                  uuid        not null,
    model_id                uuid        not null references models (id),
    status                  text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED')),
    justification           text        not null default '',
    decision_reason         text,
    requested_by            uuid        references users (id) on delete set null,
    decided_by              uuid        references users (id) on delete set null,
    decided_at              timestamptz,
    -- per-subscription limit overrides set by an administrator; NULL = the plan's value
    requests_per_minute     integer     check (requests_per_minute > 0),
    requests_per_hour       integer     check (requests_per_hour > 0),
    tokens_per_minute       bigint      check (tokens_per_minute > 0),
    tokens_per_day          bigint      check (tokens_per_day > 0),
    max_concurrent_requests integer     check (max_concurrent_requests > 0),
    max_tokens_per_request  integer     check (max_tokens_per_request > 0),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0,
    foreign key (tenant_id, app_id) references apps (tenant_id, id) on delete cascade,
    check ((status = 'PENDING') = (decided_at is null))
);
-- at most one live (pending or approved) subscription per app and model
create unique index subscriptions_one_live_idx on subscriptions (app_id, model_id) where status in ('PENDING', 'APPROVED');
create index subscriptions_tenant_idx on subscriptions (tenant_id, status);
create index subscriptions_pending_idx on subscriptions (created_at) where status = 'PENDING';

create table budgets (
    id                 uuid primary key,
    tenant_id          uuid          not null references tenants (id) on delete cascade,
    scope              text          not null check (scope in ('TENANT', 'APP', 'APP_MODEL')),
    app_id             uuid,
    model_id           uuid          references models (id),
    period             text          not null default 'MONTH' check (period in ('DAY', 'WEEK', 'MONTH')),
    amount_usd         numeric(19, 9) not null check (amount_usd > 0),
    -- percentages of amount_usd at which an alert is raised
    thresholds         integer[]     not null default '{50,80,100}' check (0 < all (thresholds) and 1000 >= all (thresholds)),
    action             text          not null default 'BLOCK' check (action in ('BLOCK', 'DOWNGRADE', 'ALERT_ONLY')),
    downgrade_model_id uuid          references models (id),
    enabled            boolean       not null default true,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            bigint        not null default 0,
    foreign key (tenant_id, app_id) references apps (tenant_id, id) on delete cascade,
    check ((scope = 'TENANT' and app_id is null and model_id is null)
        or (scope = 'APP' and app_id is not null and model_id is null)
        or (scope = 'APP_MODEL' and app_id is not null and model_id is not null)),
    check ((action = 'DOWNGRADE') = (downgrade_model_id is not null))
);
create unique index budgets_one_per_target_idx on budgets (tenant_id, app_id, model_id, period) nulls not distinct;

-- Spend per budget and period (period_start is the UTC day, Monday or first of month), incremented by the
-- gateway in the same transaction as the usage events it counts, read by every replica.
create table budget_spend (
    budget_id    uuid          not null references budgets (id) on delete cascade,
    period_start date          not null,
    spent_usd    numeric(28, 15) not null default 0 check (spent_usd >= 0),
    updated_at   timestamptz   not null default now(),
    primary key (budget_id, period_start)
);

-- One row per (budget, period, threshold) crossed, written exactly once; billing notifies from it.
create table budget_alerts (
    id                uuid primary key,
    budget_id         uuid          not null references budgets (id) on delete cascade,
    tenant_id         uuid          not null references tenants (id) on delete cascade,
    period_start      date          not null,
    threshold_percent integer       not null check (threshold_percent between 1 and 1000),
    spent_usd         numeric(28, 15) not null check (spent_usd >= 0),
    budget_usd        numeric(19, 9) not null check (budget_usd > 0),
    created_at        timestamptz   not null default now(),
    webhook_status    text          not null default 'PENDING' check (webhook_status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    email_status      text          not null default 'PENDING' check (email_status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts          integer       not null default 0 check (attempts >= 0),
    next_attempt_at   timestamptz,
    last_error        text,
    unique (budget_id, period_start, threshold_percent)
);
create index budget_alerts_due_idx on budget_alerts (next_attempt_at)
    where webhook_status = 'PENDING' or email_status = 'PENDING';
