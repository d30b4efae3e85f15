-- When the Stripe copy of an invoice was finalized; set once, so a later push of the same invoice does nothing.
alter table invoices add column stripe_finalized_at timestamptz;
-- a Stripe invoice belongs to exactly one of ours; the paid webhook finds it by this id
create unique index invoices_stripe_invoice_idx on invoices (stripe_invoice_id) where stripe_invoice_id is not null;
