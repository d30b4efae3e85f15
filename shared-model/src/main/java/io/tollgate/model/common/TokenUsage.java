package io.tollgate.model.common;

/**
 * Tokens of one request with OpenAI's semantics: cached prompt tokens are part of the prompt tokens,
 * reasoning tokens part of the completion tokens. A zero is a real zero; callers that do not know the
 * usage hold an empty {@code Optional<TokenUsage>} instead.
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedPromptTokens, long reasoningTokens) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        requireNonNegative("promptTokens", promptTokens);
        requireNonNegative("completionTokens", completionTokens);
        requireNonNegative("cachedPromptTokens", cachedPromptTokens);
        requireNonNegative("reasoningTokens", reasoningTokens);
        if (cachedPromptTokens > promptTokens) {
            throw new IllegalArgumentException("cachedPromptTokens (" + cachedPromptTokens
                    + ") cannot exceed promptTokens (" + promptTokens + ")");
        }
        if (reasoningTokens > completionTokens) {
            throw new IllegalArgumentException("reasoningTokens (" + reasoningTokens
                    + ") cannot exceed completionTokens (" + completionTokens + ")");
        }
    }

    /** Usage without cached or reasoning tokens. */
    public static TokenUsage of(long promptTokens, long completionTokens) {
        return new TokenUsage(promptTokens, completionTokens, 0, 0);
    }

    public long total() {
        return Math.addExact(promptTokens, completionTokens);
    }

    /** Prompt tokens billed at the full input rate. */
    public long uncachedPromptTokens() {
        return promptTokens - cachedPromptTokens;
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
                Math.addExact(reasoningTokens, other.reasoningTokens));
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
