package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;

/**
 * Anthropic's usage block. {@code input_tokens} excludes the tokens read from and written to the prompt cache;
 * in a stream's {@code message_delta} every count is cumulative and a missing one is unchanged.
 */
public record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadInputTokens,
                    @Nullable Long cacheCreationInputTokens) {
}
