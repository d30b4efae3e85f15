-- A finalized invoice (and so a paid or voided one), its lines and the record of what it consumed stay for good:
-- voiding is the only way out. Drafts may still be deleted (month close deletes a draft left with nothing to bill,
-- and clears a draft's lines and consumption to rebuild it). Until now the triggers refused only updates of a
-- finalized invoice, and a DELETE of the invoice took its lines and consumption along through the cascade.

create function invoices_refuse_delete_unless_draft() returns trigger
    language plpgsql as
$$
begin
    if old.status <> 'DRAFT' then
        raise exception 'invoice % is % and cannot be deleted; void it instead', old.id, old.status
            using errcode = 'P0001';
    end if;
    return old;
end
$$;
create trigger invoices_refuse_delete_unless_draft before delete on invoices
    for each row execute function invoices_refuse_delete_unless_draft();

-- Same rule as invoice_lines_guard_finalized: rows of a draft (or of an invoice being deleted as a draft) may go.
create function invoice_consumption_guard_finalized() returns trigger
    language plpgsql as
$$
declare
    invoice_status text;
begin
    select status into invoice_status from invoices where id = coalesce(new.invoice_id, old.invoice_id);
    if invoice_status is not null and invoice_status <> 'DRAFT' then
        raise exception 'what a % invoice consumed cannot be changed', invoice_status using errcode = 'P0001';
    end if;
    return coalesce(new, old);
end
$$;
create trigger invoice_consumption_guard_finalized before insert or update or delete on invoice_consumption
    for each row execute function invoice_consumption_guard_finalized();

-- TRUNCATE fires no row triggers; refuse it while any invoice left the draft state.
create function invoices_refuse_truncate() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from invoices where status <> 'DRAFT') then
        raise exception '% cannot be truncated: it holds finalized invoices', tg_table_name using errcode = 'P0001';
    end if;
    return null;
end
$$;
create trigger invoices_refuse_truncate before truncate on invoices
    for each statement execute function invoices_refuse_truncate();
create trigger invoice_lines_refuse_truncate before truncate on invoice_lines
    for each statement execute function invoices_refuse_truncate();
create trigger invoice_consumption_refuse_truncate before truncate on invoice_consumption
    for each statement execute function invoices_refuse_truncate();
