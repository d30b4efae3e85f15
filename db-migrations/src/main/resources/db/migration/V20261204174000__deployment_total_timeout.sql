-- How long one call through this deployment may take in all, from the request to the answer's last byte (a stream's
-- last event), before it is abandoned and the next deployment tried (while nothing reached the client). NULL: no
-- limit beyond the provider's response timeout and the deployment's first-byte timeout.
alter table deployments
    add column total_timeout_ms integer check (total_timeout_ms > 0);
