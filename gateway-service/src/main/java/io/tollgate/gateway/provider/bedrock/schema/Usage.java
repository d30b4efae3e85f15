package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.Nullable;

/**
 * Bedrock's token counts ({@code TokenUsage}). {@code inputTokens} leaves out the tokens read from and written to
 * the prompt cache: {@code totalTokens} is input + output + cache read + cache write.
 */
public record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long totalTokens,
                    @Nullable Long cacheReadInputTokens, @Nullable Long cacheWriteInputTokens) {
}
