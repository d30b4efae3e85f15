package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse.UsageMetadata;
import io.tollgate.model.common.TokenUsage;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata} with OpenAI's semantics: the prompt includes the cached content
 * ({@code cachedContentTokenCount}) and tool-use prompts; thoughts ({@code thoughtsTokenCount}) are reasoning, counted
 * apart by Gemini but part of the completion in OpenAI's terms, so completion = candidates + thoughts.
 */
final class GeminiUsage {

    private GeminiUsage() {
    }

    static TokenUsage of(UsageMetadata metadata) {
        long prompt = count(metadata.promptTokenCount()) + count(metadata.toolUsePromptTokenCount());
        long thoughts = count(metadata.thoughtsTokenCount());
        long completion = count(metadata.candidatesTokenCount()) + thoughts;
        return new TokenUsage(prompt, completion, Math.min(count(metadata.cachedContentTokenCount()), prompt), thoughts);
    }

    /** OpenAI's {@code usage} block. */
    static ObjectNode openAi(TokenUsage usage) {
        ObjectNode node = GeminiJson.object();
        node.put("prompt_tokens", usage.promptTokens());
        node.put("completion_tokens", usage.completionTokens());
        node.put("total_tokens", usage.total());
        node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedPromptTokens());
        node.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        return node;
    }

    private static long count(Long value) {
        return value == null ? 0 : Math.max(0, value);
    }
}
