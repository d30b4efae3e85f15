-- The gateway serves Anthropic's Messages API (POST /v1/messages) besides OpenAI's endpoints; its requests are
-- metered under their own endpoint name.
alter table usage_events drop constraint usage_events_endpoint_check;

alter table usage_events
    add constraint usage_events_endpoint_check check (endpoint in ('CHAT', 'COMPLETIONS', 'EMBEDDINGS', 'MESSAGES'));
