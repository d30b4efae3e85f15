package io.tollgate.gateway.provider.gemini;

import org.jspecify.annotations.Nullable;

/** Gemini's finish reasons in OpenAI's terms: every safety or policy stop is {@code content_filter}. */
final class GeminiFinishReasons {

    private GeminiFinishReasons() {
    }

    static @Nullable String openAi(@Nullable String finishReason, boolean calledTools) {
        if (finishReason == null) {
            return null;
        }
        return switch (finishReason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                 "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> "content_filter";
            default -> calledTools ? "tool_calls" : "stop";
        };
    }
}
