package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.wire.anthropic.Usage;
import io.tollgate.model.common.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's token counts in OpenAI's terms. Anthropic's {@code input_tokens} leaves out the tokens read from and
 * written to the prompt cache, OpenAI's prompt tokens hold all of them: prompt = input + cache read + cache write,
 * cached = cache read, cache write = cache creation (priced by its own rate). Thinking tokens are inside
 * {@code output_tokens} and not reported apart.
 */
final class AnthropicUsage {

    private long input;
    private long output;
    private long cacheRead;
    private long cacheWrite;

    /** Takes the counts a usage block carries; the ones it lacks stay as they were (a stream's deltas are partial). */
    void update(@Nullable Usage usage) {
        if (usage == null) {
            return;
        }
        input = orElse(usage.inputTokens(), input);
        output = orElse(usage.outputTokens(), output);
        cacheRead = orElse(usage.cacheReadInputTokens(), cacheRead);
        cacheWrite = orElse(usage.cacheCreationInputTokens(), cacheWrite);
    }

    TokenUsage tokens() {
        return new TokenUsage(Math.addExact(Math.addExact(input, cacheRead), cacheWrite), output, cacheRead, 0, cacheWrite);
    }

    static TokenUsage of(@Nullable Usage usage) {
        var counts = new AnthropicUsage();
        counts.update(usage);
        return counts.tokens();
    }

    private static long orElse(@Nullable Long value, long current) {
        return value == null ? current : Math.max(0, value);
    }
}
