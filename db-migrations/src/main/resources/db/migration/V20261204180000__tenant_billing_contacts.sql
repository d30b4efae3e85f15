-- A tenant's billing e-mail becomes a list: budget alert e-mails go to every contact, invoices name them all (Stripe's
-- customer takes the first, as a Stripe customer has one address). The tenant's version still counts each change,
-- so the list has one ETag. tenants.billing_email moves into the list and is dropped: one place holds the addresses.
create table tenant_billing_contacts (
    id         uuid primary key,
    tenant_id  uuid        not null references tenants (id) on delete cascade,
    email      text        not null check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'),
    created_at timestamptz not null default now()
);
create unique index tenant_billing_contacts_email_uq on tenant_billing_contacts (tenant_id, lower(email));

insert into tenant_billing_contacts (id, tenant_id, email, created_at)
select gen_random_uuid(), id, billing_email, updated_at from tenants where billing_email is not null;

alter table tenants drop column billing_email;
