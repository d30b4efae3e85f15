-- Every statement that changes budget_spend sends NOTIFY tollgate_spend (delivered on commit, one per transaction):
-- each gateway replica reads the spend when another one's costs reach the database, instead of polling for it.

create function notify_spend_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('tollgate_spend', '');
    return null;
end
$$;

create trigger budget_spend_notify_spend_change
    after insert or update or delete or truncate on budget_spend
    for each statement execute function notify_spend_change();
