-- Prompt-cache writes (Anthropic's cache_creation_input_tokens, Bedrock's cacheWriteInputTokens) are a token class of
-- their own, priced by their own rate. Like cached_tokens they are part of prompt_tokens; a prompt token is cached
-- (read), written to the cache, or neither.

-- NULL: cache writes are priced as input tokens
alter table prices
    add column cache_write_input_per_million numeric(19, 9) check (cache_write_input_per_million >= 0);

alter table usage_events
    add column cache_write_tokens integer not null default 0
        check (cache_write_tokens >= 0 and cached_tokens + cache_write_tokens <= prompt_tokens);
