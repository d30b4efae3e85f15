-- Why finance voided an invoice, kept on the invoice itself (it was only in audit_log): billing's JSON and the
-- portal's invoice views show it. Set once, by the void; invoices voided before this column existed take the
-- reason from their audit row when the portal voided them.
alter table invoices
    add column void_reason text,
    add constraint invoices_void_reason_only_when_void check (void_reason is null or status = 'VOID'),
    add constraint invoices_void_reason_length check (length(void_reason) between 1 and 1000);

update invoices i
set void_reason = left(a.details ->> 'reason', 1000)
from (select distinct on (target_id) target_id, details from audit_log
      where action = 'invoice.void' and details ? 'reason' and length(details ->> 'reason') > 0
      order by target_id, id desc) a
where i.status = 'VOID' and a.target_id = i.id::text;
