package io.tollgate.gateway.provider.bedrock;

import io.tollgate.gateway.provider.bedrock.schema.Usage;
import io.tollgate.model.common.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * Bedrock's token counts in OpenAI's terms. Bedrock's {@code inputTokens} leaves out the tokens read from and
 * written to the prompt cache, OpenAI's prompt tokens hold all of them: prompt = input + cache read + cache write,
 * cached = cache read, cache write = cache write (priced by its own rate).
 */
final class BedrockUsage {

    private BedrockUsage() {
    }

    static TokenUsage of(Usage usage) {
        long cacheRead = count(usage.cacheReadInputTokens());
        long cacheWrite = count(usage.cacheWriteInputTokens());
        long prompt = Math.addExact(Math.addExact(count(usage.inputTokens()), cacheRead), cacheWrite);
        return new TokenUsage(prompt, count(usage.outputTokens()), cacheRead, 0, cacheWrite);
    }

    private static long count(@Nullable Long value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
