-- Invoices and their lines, webhooks, the audit log and the cluster lock for scheduled jobs.

-- Gap-free invoice numbers: the row for a year is locked while a number is taken.
create table invoice_number_sequences (
    year       integer primary key check (year between 2000 and 9999),
    last_value integer not null default 0 check (last_value >= 0)
);

create table invoices (
    id                uuid primary key,
    tenant_id         uuid          not null references tenants (id),
    -- assigned when the invoice is finalized, e.g. TG-2026-000042
    number            text          unique,
    period_start      date          not null,
    period_end        date          not null,
    status            text          not null default 'DRAFT' check (status in ('DRAFT', 'FINALIZED', 'PAID', 'VOID')),
    currency          text          not null default 'USD' check (currency = 'USD'),
    -- the exact, unrounded sum of the metered events this invoice consumed
    metered_cost_usd  numeric(28, 15) not null default 0 check (metered_cost_usd >= 0),
    markup_percent    numeric(9, 4)  not null default 0,
    subtotal_usd      numeric(19, 2) not null default 0,
    total_usd         numeric(19, 2) not null default 0 check (total_usd >= 0),
    finalized_at      timestamptz,
    paid_at           timestamptz,
    voided_at         timestamptz,
    stripe_invoice_id text,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    version           bigint        not null default 0,
    check (period_end > period_start),
    check (status = 'DRAFT' or number is not null),
    check ((status = 'DRAFT') = (finalized_at is null))
);
-- one live invoice per tenant and period
create unique index invoices_one_live_idx on invoices (tenant_id, period_start) where status <> 'VOID';
create index invoices_period_idx on invoices (period_start, status);

create table invoice_lines (
    id                uuid primary key,
    invoice_id        uuid          not null references invoices (id) on delete cascade,
    tenant_id         uuid          not null references tenants (id),
    line_no           integer       not null check (line_no > 0),
    kind              text          not null check (kind in ('USAGE', 'ADJUSTMENT', 'MARKUP', 'DISCOUNT')),
    description       text          not null,
    app_id            uuid,
    model             text,
    requests          bigint        not null default 0 check (requests >= 0),
    prompt_tokens     bigint        not null default 0 check (prompt_tokens >= 0),
    completion_tokens bigint        not null default 0 check (completion_tokens >= 0),
    cached_tokens     bigint        not null default 0 check (cached_tokens >= 0),
    reasoning_tokens  bigint        not null default 0 check (reasoning_tokens >= 0),
    metered_cost_usd  numeric(28, 15) not null default 0,
    amount_usd        numeric(19, 2) not null,
    unique (invoice_id, line_no)
);

create table webhooks (
    id                uuid primary key,
    tenant_id         uuid        not null references tenants (id) on delete cascade,
    url               text        not null check (url ~ '^https?://'),
    -- the signing secret, encrypted like provider credentials (it must be recoverable to sign)
    secret_ciphertext bytea       not null,
    secret_key_id     text        not null,
    events            text[]      not null default '{budget.threshold}',
    enabled           boolean     not null default true,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 0
);
create index webhooks_tenant_idx on webhooks (tenant_id);

create table audit_log (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    actor_user_id uuid        references users (id) on delete set null,
    actor_email   text,
    -- NULL for platform-level changes
    tenant_id     uuid        references tenants (id) on delete cascade,
    action        text        not null,
    target_type   text        not null,
    target_id     text,
    details       jsonb       not null default '{}',
    ip_address    text
);
create index audit_log_time_idx on audit_log (occurred_at desc);
create index audit_log_tenant_time_idx on audit_log (tenant_id, occurred_at desc);

-- ShedLock's table: one replica at a time runs each scheduled job.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
