package io.tollgate.billing.rollup;

/** The set-based statements of the rollup; kept apart so the algorithm in {@link UsageRollup} reads top-down. */
final class RollupSql {

    /**
     * Locks the watermark and computes how far it may move: to the safe point (now minus the lag, and before every
     * open write transaction), but at most one window past the first event still to fold.
     */
    static final String LOCK_AND_BOUND = """
            with safe as (
                select least(clock_timestamp() - make_interval(secs => :lagMicros / 1e6),
                             coalesce((select min(a.xact_start) from pg_stat_activity a
                                       where a.datname = current_database() and a.pid <> pg_backend_pid()
                                         and a.backend_xid is not null), 'infinity')) as safe_ts
            ), w as (
                select ingested_before from usage_rollup_watermarks where name = :name for update
            ), first_event as (
                select min(e.ingested_at) as first_ts from usage_events e, w where e.ingested_at >= w.ingested_before
            )
            select w.ingested_before as from_ts,
                   greatest(w.ingested_before, least(safe.safe_ts,
                        coalesce(first_event.first_ts, safe.safe_ts) + make_interval(secs => :windowMicros / 1e6))) as to_ts,
                   safe.safe_ts <= coalesce(first_event.first_ts, safe.safe_ts) + make_interval(secs => :windowMicros / 1e6)
                       as caught_up
            from w, safe, first_event
            """;

    /**
     * Gives this transaction the memory to aggregate a window in one hash table. The planner multiplies the distinct
     * counts of the five group columns, expects about one group per event and would sort every event of the window
     * instead (measured with EXPLAIN ANALYZE on 3 million events: sort 45 s, spilling; hash 28 s, in memory); the
     * real groups (tenant, day, app, model, tags) are far fewer, and a hash aggregate that outgrows its memory
     * spills to disk by itself.
     */
    static final String AGGREGATE_IN_MEMORY = """
            select set_config('work_mem', :workMem, true), set_config('enable_sort', 'off', true)
            """;

    /**
     * Adds the window's events to usage_daily and answers how many events it folded. Events of a tenant that no
     * longer exists are left out after aggregating, not per event: a per-event semi-join made the planner walk the
     * events tenant by tenant through an index (52 s instead of 21 s for 3 million events).
     */
    static final String FOLD = """
            with folded as (
                select (e.occurred_at at time zone 'UTC')::date as day, e.tenant_id, e.app_id,
                       coalesce(e.served_model, e.requested_model) as model, e.tags,
                       count(*) as requests, count(*) filter (where e.status_code >= 400) as error_count,
                       sum(e.prompt_tokens) as prompt_tokens, sum(e.completion_tokens) as completion_tokens,
                       sum(e.cached_tokens) as cached_tokens, sum(e.reasoning_tokens) as reasoning_tokens,
                       sum(e.cost_usd) as cost_usd
                from usage_events e
                where e.ingested_at >= :from and e.ingested_at < :to
                group by 1, 2, 3, 4, 5
            ), known as (
                select f.* from folded f where exists (select 1 from tenants t where t.id = f.tenant_id)
            ), upserted as (
                insert into usage_daily as d (day, tenant_id, app_id, model, tags, requests, error_count, prompt_tokens,
                                              completion_tokens, cached_tokens, reasoning_tokens, cost_usd, updated_at)
                select day, tenant_id, app_id, model, tags, requests, error_count, prompt_tokens, completion_tokens,
                       cached_tokens, reasoning_tokens, cost_usd, now()
                from known
                on conflict (tenant_id, day, app_id, model, tags) do update set
                    requests = d.requests + excluded.requests,
                    error_count = d.error_count + excluded.error_count,
                    prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
                    completion_tokens = d.completion_tokens + excluded.completion_tokens,
                    cached_tokens = d.cached_tokens + excluded.cached_tokens,
                    reasoning_tokens = d.reasoning_tokens + excluded.reasoning_tokens,
                    cost_usd = d.cost_usd + excluded.cost_usd,
                    updated_at = now()
                returning 1
            )
            select coalesce(sum(requests), 0)::bigint from known
            """;

    private RollupSql() {
    }
}
