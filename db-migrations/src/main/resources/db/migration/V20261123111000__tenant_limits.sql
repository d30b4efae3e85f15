-- Tenant-wide ceilings, set by a platform administrator: each caps the sum over all of the tenant's apps and models,
-- on top of the per app+model limits of the plan and the subscriptions. NULL = no ceiling; no row = no ceilings.
create table tenant_limits (
    tenant_id               uuid primary key references tenants (id) on delete cascade,
    requests_per_minute     integer     check (requests_per_minute > 0),
    requests_per_hour       integer     check (requests_per_hour > 0),
    tokens_per_minute       bigint      check (tokens_per_minute > 0),
    tokens_per_day          bigint      check (tokens_per_day > 0),
    max_concurrent_requests integer     check (max_concurrent_requests > 0),
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0
);

-- the gateway caches the ceilings in its snapshot
create trigger tenant_limits_notify_config_change
    after insert or update or delete or truncate on tenant_limits
    for each statement execute function notify_config_change();
