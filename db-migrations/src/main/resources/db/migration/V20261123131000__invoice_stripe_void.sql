-- When the Stripe copy of a voided invoice was voided there (or deleted, if it was still a Stripe draft). Billing's
-- Stripe sync retries voided invoices that have a Stripe copy until this is set, so a voided invoice never stays
-- payable in Stripe.
alter table invoices add column stripe_voided_at timestamptz;
