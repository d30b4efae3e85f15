-- Plans (tiers), tenants, users, memberships and invitations.
-- Conventions: uuid keys assigned by the application, timestamptz in UTC, statuses as CHECKed text,
-- limits NULL = unlimited, a version column on rows edited through the portal (optimistic locking).

create table plans (
    id                      uuid primary key,
    code                    text        not null unique check (code ~ '^[a-z][a-z0-9_-]{1,31}$'),
    name                    text        not null check (length(name) between 1 and 100),
    requests_per_minute     integer     check (requests_per_minute > 0),
    requests_per_hour       integer     check (requests_per_hour > 0),
    tokens_per_minute       bigint      check (tokens_per_minute > 0),
    tokens_per_day          bigint      check (tokens_per_day > 0),
    max_concurrent_requests integer     check (max_concurrent_requests > 0),
    max_tokens_per_request  integer     check (max_tokens_per_request > 0),
    -- billing: positive is a markup, negative a discount, on metered cost
    markup_percent          numeric(9, 4) not null default 0 check (markup_percent > -100 and markup_percent <= 1000),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 bigint      not null default 0
);

create table tenants (
    id                 uuid primary key,
    slug               text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name               text        not null check (length(name) between 1 and 200),
    status             text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    plan_id            uuid        not null references plans (id),
    -- overrides the plan's markup for this tenant when set
    markup_percent     numeric(9, 4) check (markup_percent > -100 and markup_percent <= 1000),
    billing_email      text        check (billing_email is null or billing_email ~ '^[^@\s]+@[^@\s]+$'),
    stripe_customer_id text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 0
);
create index tenants_plan_idx on tenants (plan_id);

create table users (
    id                   uuid primary key,
    -- stored lower-case so the unique constraint is case-insensitive
    email                text        not null unique check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
    display_name         text        not null check (length(display_name) between 1 and 200),
    -- NULL for users who only sign in through single sign-on
    password_hash        text,
    platform_role        text        check (platform_role in ('ADMIN', 'FINANCE')),
    status               text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    failed_login_count   integer     not null default 0 check (failed_login_count >= 0),
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 0
);

create table memberships (
    id         uuid primary key,
    tenant_id  uuid        not null references tenants (id) on delete cascade,
    user_id    uuid        not null references users (id) on delete cascade,
    role       text        not null check (role in ('ADMIN', 'DEVELOPER', 'BILLING')),
    created_at timestamptz not null default now(),
    unique (tenant_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table invitations (
    id          uuid primary key,
    tenant_id   uuid        not null references tenants (id) on delete cascade,
    email       text        not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
    role        text        not null check (role in ('ADMIN', 'DEVELOPER', 'BILLING')),
    -- SHA-256 of the one-time token; the token itself is only in the link
    token_hash  bytea       not null unique check (octet_length(token_hash) = 32),
    invited_by  uuid        references users (id) on delete set null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    created_at  timestamptz not null default now()
);
create index invitations_tenant_idx on invitations (tenant_id);

-- The four tiers every installation starts with; administrators edit their limits in the portal.
insert into plans (id, code, name, requests_per_minute, requests_per_hour, tokens_per_minute, tokens_per_day,
                   max_concurrent_requests, max_tokens_per_request, markup_percent)
values ('00000000-0000-0000-0000-00000000f001', 'free',       'Free',           20,     200,     40000,     200000,      2,   4096, 0),
       ('00000000-0000-0000-0000-00000000f002', 'basic',      'Basic',          60,    2000,    200000,    2000000,     10,   8192, 0),
       ('00000000-0000-0000-0000-00000000f003', 'pro',        'Pro',           600,   20000,   2000000,   50000000,     50,  32768, 0),
       ('00000000-0000-0000-0000-00000000f004', 'enterprise', 'Enterprise',   6000,  200000,  20000000, 1000000000,    500, 131072, 0);
