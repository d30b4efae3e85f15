package io.tollgate.gateway.provider.openai.schema;

import io.tollgate.model.common.TokenUsage;

/** OpenAI's usage block. */
public record Usage(long promptTokens, long completionTokens, long totalTokens, PromptTokensDetails promptTokensDetails,
                    CompletionTokensDetails completionTokensDetails) {

    public record PromptTokensDetails(long cachedTokens) {
    }

    public record CompletionTokensDetails(long reasoningTokens) {
    }

    public static Usage of(TokenUsage usage) {
        return new Usage(usage.promptTokens(), usage.completionTokens(), usage.total(),
                new PromptTokensDetails(usage.cachedPromptTokens()),
                new CompletionTokensDetails(usage.reasoningTokens()));
    }
}
