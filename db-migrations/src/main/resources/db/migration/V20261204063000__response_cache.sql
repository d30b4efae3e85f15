-- The gateway's exact response cache. apps.cache_enabled (from the first schema) opts an app in; this second flag
-- also lets it cache requests whose answer may differ from call to call (temperature above 0 or not set, a user
-- field), which are never cached otherwise.
alter table apps
    add column cache_nondeterministic boolean not null default false;

-- A request answered from the cache: no provider was called, it carries no tokens and costs nothing, and it counts
-- as a request in rollups like any other.
alter table usage_events
    add column cache_hit boolean not null default false
        check (not cache_hit or (cost_usd = 0 and prompt_tokens = 0 and completion_tokens = 0));
