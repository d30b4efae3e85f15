-- Sign-ups waiting for their address to be confirmed. Nothing in users, tenants or memberships exists for them yet,
-- so an address someone typed but never proved can neither sign in nor receive an invitation's role. The link
-- e-mailed to the address carries the token (stored as SHA-256 only); confirming also asks for the password chosen
-- at sign-up, so the owner of the address cannot be handed an account whose password a stranger picked.
create table pending_signups (
    id             uuid primary key,
    token_hash     bytea       not null unique check (octet_length(token_hash) = 32),
    email          text        not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
    organisation   text        not null check (length(organisation) between 1 and 200),
    display_name   text        not null check (length(display_name) between 1 and 200),
    password_hash  text        not null,
    ip_address     text,
    expires_at     timestamptz not null,
    created_at     timestamptz not null default now()
);
create index pending_signups_email_idx on pending_signups (email);
create index pending_signups_expires_idx on pending_signups (expires_at);
