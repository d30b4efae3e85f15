package io.tollgate.gateway.provider.bedrock;

import org.jspecify.annotations.Nullable;

/** Converse's stop reasons as OpenAI's finish reasons. */
final class BedrockFinishReasons {

    private BedrockFinishReasons() {
    }

    static String of(@Nullable String stopReason, boolean calledTools) {
        return switch (stopReason == null ? "" : stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> calledTools ? "tool_calls" : "stop";
            case "guardrail_intervened", "content_filtered" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence
        };
    }
}
