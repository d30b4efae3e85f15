-- Billing bookkeeping: the rollup watermark, what each invoice consumed, webhook deliveries of budget alerts,
-- and finalized invoices made immutable in the database itself.

-- usage_events with ingested_at below ingested_before are folded into usage_daily. The rollup only advances it to
-- a point before which no write transaction is still open, so events committed out of order are never skipped.
create table usage_rollup_watermarks (
    name            text        primary key,
    ingested_before timestamptz not null,
    updated_at      timestamptz not null default now()
);
insert into usage_rollup_watermarks (name, ingested_before) values ('usage_daily', '1970-01-01 00:00:00+00');

-- The usage an invoice billed, per usage month, app and model. Month close bills usage_daily minus what live
-- (non-void) invoices already consumed, so late events land once, on the next invoice, as an adjustment.
create table invoice_consumption (
    invoice_id        uuid            not null references invoices (id) on delete cascade,
    tenant_id         uuid            not null references tenants (id),
    usage_month       date            not null check (extract(day from usage_month) = 1),
    app_id            uuid            not null,
    model             text            not null,
    requests          bigint          not null,
    prompt_tokens     bigint          not null,
    completion_tokens bigint          not null,
    cached_tokens     bigint          not null,
    reasoning_tokens  bigint          not null,
    metered_cost_usd  numeric(28, 15) not null,
    primary key (invoice_id, usage_month, app_id, model)
);
create index invoice_consumption_tenant_idx on invoice_consumption (tenant_id, usage_month);

-- A budget alert is delivered to each of the tenant's webhooks once; retries skip the ones already answered 2xx.
create table budget_alert_webhook_deliveries (
    alert_id     uuid        not null references budget_alerts (id) on delete cascade,
    webhook_id   uuid        not null references webhooks (id) on delete cascade,
    delivered_at timestamptz not null,
    primary key (alert_id, webhook_id)
);

-- Finalized invoices never change their amounts or lines; only the status moves on (PAID or VOID) and the Stripe
-- reference may be recorded.
create function invoices_guard_finalized() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'DRAFT' then
        return new;
    end if;
    if new.tenant_id <> old.tenant_id or new.number is distinct from old.number
        or new.period_start <> old.period_start or new.period_end <> old.period_end
        or new.metered_cost_usd <> old.metered_cost_usd or new.markup_percent <> old.markup_percent
        or new.subtotal_usd <> old.subtotal_usd or new.total_usd <> old.total_usd
        or new.finalized_at is distinct from old.finalized_at then
        raise exception 'invoice % is % and cannot be changed', old.id, old.status using errcode = 'P0001';
    end if;
    if new.status <> old.status and not (old.status = 'FINALIZED' and new.status in ('PAID', 'VOID')) then
        raise exception 'invoice % cannot move from % to %', old.id, old.status, new.status using errcode = 'P0001';
    end if;
    return new;
end
$$;
create trigger invoices_guard_finalized before update on invoices
    for each row execute function invoices_guard_finalized();

create function invoice_lines_guard_finalized() returns trigger
    language plpgsql as
$$
declare
    invoice_status text;
begin
    select status into invoice_status from invoices where id = coalesce(new.invoice_id, old.invoice_id);
    if invoice_status is not null and invoice_status <> 'DRAFT' then
        raise exception 'lines of a % invoice cannot be changed', invoice_status using errcode = 'P0001';
    end if;
    return coalesce(new, old);
end
$$;
create trigger invoice_lines_guard_finalized before insert or update or delete on invoice_lines
    for each row execute function invoice_lines_guard_finalized();
