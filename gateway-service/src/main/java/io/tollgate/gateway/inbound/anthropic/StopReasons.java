package io.tollgate.gateway.inbound.anthropic;

import org.jspecify.annotations.Nullable;

/** OpenAI's finish reasons as Anthropic's stop reasons. */
final class StopReasons {

    private StopReasons() {
    }

    static String of(@Nullable String finishReason) {
        return switch (finishReason == null ? "" : finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            // OpenAI says "stop" for a stop sequence as for the end of the turn; which sequence it was is not reported
            default -> "end_turn";
        };
    }
}
