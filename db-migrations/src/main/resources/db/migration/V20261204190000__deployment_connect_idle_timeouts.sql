-- A deployment's own connect timeout (to open a connection to its provider) and idle timeout (the longest silence
-- between two reads of an answer: between a stream's chunks, and before the first byte when the deployment sets no
-- first-byte timeout). Past either, the call is abandoned and the next deployment tried (while nothing reached the
-- client). NULL: the provider's connect_timeout_ms and response_timeout_ms.
alter table deployments
    add column connect_timeout_ms integer check (connect_timeout_ms > 0),
    add column idle_timeout_ms    integer check (idle_timeout_ms > 0);
