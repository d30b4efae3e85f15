-- The latest finalization time handed out with a number of the year. Finalizing takes the number and its time in
-- one statement under the year's row lock, never earlier than this, so number order and finalization order agree
-- even when tenants close in parallel (before, the time was read before the lock and could lose the race).
alter table invoice_number_sequences add column last_finalized_at timestamptz;
