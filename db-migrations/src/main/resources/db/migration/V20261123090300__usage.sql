-- Metered usage: one row per request that reached a model or was refused after authentication,
-- partitioned by month; and the daily rollups billing folds them into.
-- No foreign keys here on purpose: the event log is append-only, written in large batches, and must
-- outlive the keys and apps it mentions.

create table usage_events (
    -- the gateway's request id; a retried write of the same event is a no-op
    id                uuid          not null,
    occurred_at       timestamptz   not null,
    ingested_at       timestamptz   not null default clock_timestamp(),
    tenant_id         uuid          not null,
    app_id            uuid          not null,
    api_key_id        uuid          not null,
    endpoint          text          not null check (endpoint in ('CHAT', 'COMPLETIONS', 'EMBEDDINGS')),
    requested_model   text          not null,
    -- the model actually charged (differs from requested_model after a budget downgrade); NULL when refused
    served_model      text,
    provider_id       uuid,
    deployment_id     uuid,
    upstream_model    text,
    price_id          uuid,
    prompt_tokens     integer       not null default 0 check (prompt_tokens >= 0),
    completion_tokens integer       not null default 0 check (completion_tokens >= 0),
    cached_tokens     integer       not null default 0 check (cached_tokens >= 0 and cached_tokens <= prompt_tokens),
    reasoning_tokens  integer       not null default 0 check (reasoning_tokens >= 0 and reasoning_tokens <= completion_tokens),
    -- true when the tokens were counted by the gateway rather than reported by the provider
    usage_estimated   boolean       not null default false,
    -- exact, never rounded: rounding happens only on invoices
    cost_usd          numeric(28, 15) not null default 0 check (cost_usd >= 0),
    latency_ms        integer       not null check (latency_ms >= 0),
    ttft_ms           integer       check (ttft_ms >= 0),
    status_code       integer       not null check (status_code between 100 and 599),
    error_type        text,
    streamed          boolean       not null default false,
    -- the caller's x-tollgate-tags, canonical: sorted, comma separated; '' when none
    tags              text          not null default '',
    primary key (id, occurred_at)
) partition by range (occurred_at);

create index usage_events_tenant_time_idx on usage_events (tenant_id, occurred_at);
create index usage_events_ingested_idx on usage_events (ingested_at);

-- Catches events outside every monthly partition so no write ever fails; the function below moves
-- them into their month when it creates it.
create table usage_events_default partition of usage_events default;

-- Creates the monthly partitions (UTC) for `months` months starting at the month of `first_month`.
-- Safe to call concurrently and repeatedly; the gateway and billing call it at start and daily.
create function usage_events_ensure_partitions(first_month date, months integer) returns integer
    language plpgsql as
$$
declare
    month_start date;
    lower_bound timestamptz;
    upper_bound timestamptz;
    part_name   text;
    created     integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('usage_events_ensure_partitions'));
    for i in 0 .. months - 1 loop
        month_start := (date_trunc('month', first_month) + make_interval(months => i))::date;
        lower_bound := month_start::timestamp at time zone 'UTC';
        upper_bound := (month_start + interval '1 month')::timestamp at time zone 'UTC';
        part_name := format('usage_events_%s', to_char(month_start, 'YYYYMM'));
        if to_regclass(part_name) is null then
            execute format('create table %I (like usage_events including defaults including constraints)', part_name);
            execute format('with moved as (delete from usage_events_default where occurred_at >= %L and occurred_at < %L returning *) '
                           'insert into %I select * from moved', lower_bound, upper_bound, part_name);
            execute format('alter table usage_events attach partition %I for values from (%L) to (%L)',
                           part_name, lower_bound, upper_bound);
            created := created + 1;
        end if;
    end loop;
    return created;
end
$$;

select usage_events_ensure_partitions(((now() at time zone 'UTC') - interval '1 month')::date, 4);

create table usage_daily (
    day               date          not null,
    tenant_id         uuid          not null references tenants (id) on delete cascade,
    app_id            uuid          not null,
    model             text          not null,
    tags              text          not null default '',
    requests          bigint        not null default 0 check (requests >= 0),
    error_count       bigint        not null default 0 check (error_count >= 0),
    prompt_tokens     bigint        not null default 0 check (prompt_tokens >= 0),
    completion_tokens bigint        not null default 0 check (completion_tokens >= 0),
    cached_tokens     bigint        not null default 0 check (cached_tokens >= 0),
    reasoning_tokens  bigint        not null default 0 check (reasoning_tokens >= 0),
    cost_usd          numeric(28, 15) not null default 0 check (cost_usd >= 0),
    updated_at        timestamptz   not null default now(),
    primary key (tenant_id, day, app_id, model, tags)
);
create index usage_daily_day_idx on usage_daily (day);
