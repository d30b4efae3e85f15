-- How the gateway chooses among a model's deployments, and where it goes when none of them can answer.
alter table models
    add column routing_strategy text not null default 'PRIORITY'
        check (routing_strategy in ('PRIORITY', 'WEIGHTED', 'LEAST_BUSY', 'LOWEST_LATENCY', 'LOWEST_COST'));

-- The provider account's own capacity for this deployment (e.g. an Azure deployment's quota): the gateway skips a
-- deployment near it before the provider answers 429. NULL = unknown, never skipped for capacity.
-- first_byte_timeout_ms: how long a call through this deployment may wait for the provider's first byte before the
-- next deployment is tried (NULL: the provider's response timeout).
-- cost_*: what the provider charges the platform per million tokens on this deployment, for LOWEST_COST routing
-- (NULL: unknown, tried after the deployments whose cost is known). Tenants are billed by the model's prices.
alter table deployments
    add column requests_per_minute     integer       check (requests_per_minute > 0),
    add column tokens_per_minute       bigint        check (tokens_per_minute > 0),
    add column first_byte_timeout_ms   integer       check (first_byte_timeout_ms > 0),
    add column cost_input_per_million  numeric(19, 9) check (cost_input_per_million >= 0),
    add column cost_output_per_million numeric(19, 9) check (cost_output_per_million >= 0);

-- Another catalog model to serve a request when every deployment of the model failed (429, 5xx, timeouts,
-- connection errors), tried in position order. A fallback is taken only when the app is subscribed to the fallback
-- model, or covered_by_subscription says the original subscription covers it; it is billed at its own price.
create table model_fallbacks (
    model_id                 uuid    not null references models (id) on delete cascade,
    fallback_model_id        uuid    not null references models (id) on delete cascade,
    position                 integer not null check (position >= 0),
    covered_by_subscription  boolean not null default false,
    primary key (model_id, fallback_model_id),
    unique (model_id, position),
    check (model_id <> fallback_model_id)
);

create trigger model_fallbacks_notify_config_change
    after insert or update or delete or truncate on model_fallbacks
    for each statement execute function notify_config_change();

-- How many calls to providers the request took: 0 when refused before any, more than 1 after failovers (failed
-- attempts cost nothing and are not billed). NULL on events written before the gateway counted them.
alter table usage_events
    add column attempts smallint check (attempts >= 0);
