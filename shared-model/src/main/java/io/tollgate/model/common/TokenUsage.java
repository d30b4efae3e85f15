package io.tollgate.model.common;

/**
 * Tokens of one request with OpenAI's semantics: cached prompt tokens (read from a prompt cache) and cache-write
 * tokens (written to it, a class some providers price apart) are part of the prompt tokens, reasoning tokens part of
 * the completion tokens. A zero is a real zero; callers that do not know the usage hold an empty
 * {@code Optional<TokenUsage>} instead.
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedPromptTokens, long reasoningTokens,
                         long cacheWriteTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

    public TokenUsage {
        requireNonNegative("promptTokens", promptTokens);
        requireNonNegative("completionTokens", completionTokens);
        requireNonNegative("cachedPromptTokens", cachedPromptTokens);
        requireNonNegative("reasoningTokens", reasoningTokens);
        requireNonNegative("cacheWriteTokens", cacheWriteTokens);
        if (cachedPromptTokens > promptTokens) {
            throw new IllegalArgumentException("cachedPromptTokens (" + cachedPromptTokens
                    + ") cannot exceed promptTokens (" + promptTokens + ")");
        }
        if (cacheWriteTokens > promptTokens - cachedPromptTokens) {
            throw new IllegalArgumentException("cacheWriteTokens (" + cacheWriteTokens
                    + ") cannot exceed the uncached promptTokens (" + (promptTokens - cachedPromptTokens) + ")");
        }
        if (reasoningTokens > completionTokens) {
            throw new IllegalArgumentException("reasoningTokens (" + reasoningTokens
                    + ") cannot exceed completionTokens (" + completionTokens + ")");
        }
    }

    /** Usage without cache writes. */
    public TokenUsage(long promptTokens, long completionTokens, long cachedPromptTokens, long reasoningTokens) {
        this(promptTokens, completionTokens, cachedPromptTokens, reasoningTokens, 0);
    }

    /** Usage without cached, cache-write or reasoning tokens. */
    public static TokenUsage of(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, 0, 0, 0);
    }

    public long total() {
        return Math.addExact(promptTokens, completionTokens);
    }

    /** Prompt tokens not read from a cache (including those written to it). */
    public long uncachedPromptTokens() {
        return promptTokens - cachedPromptTokens;
    }

    /** Prompt tokens billed at the plain input rate: neither read from nor written to a cache. */
    public long plainPromptTokens() {
        return promptTokens - cachedPromptTokens - cacheWriteTokens;
    }

    /** Completion tokens that are visible output, not reasoning. */
    public long visibleCompletionTokens() {
        return completionTokens - reasoningTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(
                Math.addExact(promptTokens, other.promptTokens),
                Math.addExact(completionTokens, other.completionTokens),
                Math.addExact(cachedPromptTokens, other.cachedPromptTokens),
                Math.addExact(reasoningTokens, other.reasoningTokens),
                Math.addExact(cacheWriteTokens, other.cacheWriteTokens));
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
