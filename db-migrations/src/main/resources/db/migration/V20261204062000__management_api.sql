-- The management API (/api/v1 on the portal). Callers authenticate with access tokens made in the portal: a
-- personal token acts for its owner (and stops when the owner loses the role it was made under), a service token
-- for a tenant or the platform itself. Like API keys, only the public prefix and the HMAC-SHA-256 of the whole token
-- under TOLLGATE_API_KEY_SECRET are stored; the token is shown once.
create table access_tokens (
    id           uuid primary key,
    kind         text        not null check (kind in ('PERSONAL', 'SERVICE')),
    -- NULL for a platform token
    tenant_id    uuid        references tenants (id) on delete cascade,
    -- the person a PERSONAL token acts for; NULL for service tokens
    owner_id     uuid        references users (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    role         text        not null,
    prefix       text        not null unique check (prefix ~ '^tgm_[A-Za-z0-9]{8}$'),
    secret_hash  bytea       not null check (octet_length(secret_hash) = 32),
    hash_key_id  text        not null,
    status       text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    expires_at   timestamptz not null,
    last_used_at timestamptz,
    created_by   uuid        references users (id) on delete set null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    version      bigint      not null default 0,
    check ((kind = 'PERSONAL') = (owner_id is not null)),
    check (tenant_id is not null and role in ('ADMIN', 'DEVELOPER', 'BILLING')
           or tenant_id is null and role in ('ADMIN', 'FINANCE')),
    check ((status = 'REVOKED') = (revoked_at is not null))
);
create index access_tokens_tenant_idx on access_tokens (tenant_id, created_at desc);
create index access_tokens_owner_idx on access_tokens (owner_id);

-- Which token made a change, next to the person (a service token has none).
alter table audit_log add column actor_token_id uuid references access_tokens (id) on delete set null;

-- A creating POST with an Idempotency-Key: the first answer, replayed for the same key from the same token.
-- A key reused with another request is refused. The answer may hold a secret shown once (a new API key), so it is
-- kept AES-256-GCM encrypted under the master key, like provider credentials, and only until it expires.
create table idempotent_requests (
    token_id      uuid        not null references access_tokens (id) on delete cascade,
    idem_key      text        not null check (length(idem_key) between 1 and 200),
    request_hash  bytea       not null check (octet_length(request_hash) = 32),
    status_code   integer     not null,
    location      text,
    body          bytea       not null,
    body_key_id   text        not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    primary key (token_id, idem_key)
);
create index idempotent_requests_expires_idx on idempotent_requests (expires_at);

-- Wrong access tokens per client address, under the platform's one lockout rule (shared-model's LoginLockout):
-- shared by every portal replica, so guesses add up wherever they are made.
create table client_auth_failures (
    client_address text primary key,
    failed_count   integer     not null default 0 check (failed_count >= 0),
    locked_until   timestamptz,
    updated_at     timestamptz not null default now()
);
