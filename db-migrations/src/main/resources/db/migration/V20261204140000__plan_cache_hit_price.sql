-- what an answer served from the gateway's response cache costs on a plan: USD per million tokens of the usage the
-- answer had when it was kept (prompt plus completion); 0, the default, serves hits free
alter table plans
    add column cache_hit_per_million numeric(19, 9) not null default 0 check (cache_hit_per_million >= 0);

-- a cache hit still carries no tokens, but now costs what its plan's cache-hit price says (every existing row, whose
-- cost is 0, satisfies the looser rule)
-- (PostgreSQL named the old rule itself, so it is found by what it says)
do $$
declare
    old_rule text;
begin
    select conname into strict old_rule from pg_constraint
    where conrelid = 'usage_events'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%cache_hit%';
    execute format('alter table usage_events drop constraint %I', old_rule);
end
$$;
alter table usage_events
    add constraint usage_events_cache_hit_check check (not cache_hit or (prompt_tokens = 0 and completion_tokens = 0));
