-- The model catalog, providers, deployments (model -> provider + upstream model) and effective-dated prices.

create table models (
    id                uuid primary key,
    -- the provider-neutral name clients send in "model", e.g. gpt-4o-mini
    name              text        not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$'),
    display_name      text        not null check (length(display_name) between 1 and 200),
    description       text        not null default '',
    -- chat, completions, embeddings, streaming, tools, vision, ...
    capabilities      text[]      not null default '{}',
    context_window    integer     not null check (context_window > 0),
    max_output_tokens integer     check (max_output_tokens > 0),
    requires_approval boolean     not null default true,
    status            text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DEPRECATED', 'DISABLED')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 0
);

create table providers (
    id                    uuid primary key,
    name                  text        not null unique check (length(name) between 1 and 100),
    type                  text        not null check (type in ('OPENAI', 'OPENAI_COMPATIBLE', 'AZURE_OPENAI', 'ANTHROPIC', 'GEMINI', 'MOCK')),
    base_url              text        check (base_url is null or base_url ~ '^https?://'),
    -- AES-256-GCM: 12-byte nonce || ciphertext || 16-byte tag, under the master key named by credential_key_id
    credential_ciphertext bytea,
    credential_key_id     text,
    -- provider-specific settings, e.g. {"apiVersion": "..."} for Azure or {"latencyMs": 20} for mock
    settings              jsonb       not null default '{}',
    enabled               boolean     not null default true,
    connect_timeout_ms    integer     not null default 5000 check (connect_timeout_ms > 0),
    response_timeout_ms   integer     not null default 120000 check (response_timeout_ms > 0),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               bigint      not null default 0,
    check ((credential_ciphertext is null) = (credential_key_id is null))
);

create table deployments (
    id             uuid primary key,
    model_id       uuid        not null references models (id) on delete cascade,
    provider_id    uuid        not null references providers (id),
    upstream_model text        not null check (length(upstream_model) between 1 and 200),
    weight         integer     not null default 100 check (weight between 0 and 10000),
    -- lower is tried first by priority failover
    priority       integer     not null default 0 check (priority >= 0),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint      not null default 0,
    unique (model_id, provider_id, upstream_model)
);
create index deployments_provider_idx on deployments (provider_id);

-- A price applies from effective_from until the next price of the same model; a new price never rewrites past costs.
create table prices (
    id                       uuid primary key,
    model_id                 uuid          not null references models (id) on delete cascade,
    effective_from           timestamptz   not null,
    currency                 text          not null default 'USD' check (currency = 'USD'),
    input_per_million        numeric(19, 9) not null check (input_per_million >= 0),
    output_per_million       numeric(19, 9) not null check (output_per_million >= 0),
    cached_input_per_million numeric(19, 9) not null check (cached_input_per_million >= 0),
    -- NULL: reasoning tokens are priced as output tokens
    reasoning_per_million    numeric(19, 9) check (reasoning_per_million >= 0),
    created_at               timestamptz   not null default now(),
    unique (model_id, effective_from)
);
