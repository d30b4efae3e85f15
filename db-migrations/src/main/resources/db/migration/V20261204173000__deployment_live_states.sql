-- What each gateway replica knows of each deployment it routes to, for the portal's live routing view. Every replica
-- rewrites its rows every couple of seconds (one upsert per round, off the request path); the portal reads the rows
-- written in the last seconds and ignores older ones (a replica that stopped). Not configuration: no notify trigger,
-- or every round would reload every gateway's snapshot. Unlogged: what a crash loses is rewritten within seconds.
--   replica_id: the writing gateway (its host name and a per-start suffix)
--   breaker_state: the deployment's circuit breaker there (CLOSED, OPEN, HALF_OPEN, ...)
--   latency_ms: moving average of its successful calls' latency (time to first byte for streams), null before one
--   window_calls, window_failed_calls: the calls in the breaker's sliding window and how many of them failed
--   in_flight: calls under way
--   requests_last_minute, tokens_last_minute: what this replica used of the deployment's provider capacity over
--     the last minute (tokens only where a token capacity is set); the portal sums the replicas
create unlogged table deployment_live_states (
    replica_id           text             not null,
    deployment_id        uuid             not null,
    breaker_state        text             not null,
    latency_ms           double precision check (latency_ms >= 0),
    window_calls         integer          not null check (window_calls >= 0),
    window_failed_calls  integer          not null check (window_failed_calls >= 0),
    in_flight            integer          not null,
    requests_last_minute bigint           not null check (requests_last_minute >= 0),
    tokens_last_minute   bigint           not null check (tokens_last_minute >= 0),
    updated_at           timestamptz      not null,
    primary key (replica_id, deployment_id)
);

create index deployment_live_states_deployment on deployment_live_states (deployment_id, updated_at);
