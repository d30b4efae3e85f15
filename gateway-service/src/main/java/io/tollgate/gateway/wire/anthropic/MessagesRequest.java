package io.tollgate.gateway.wire.anthropic;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/messages}.
 *
 * @param system a string, or a list of text {@link ContentBlock}s
 */
public record MessagesRequest(String model, int maxTokens, @Nullable Object system, List<Message> messages,
                              @Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK,
                              @Nullable List<String> stopSequences, @Nullable List<Tool> tools,
                              @Nullable ToolChoice toolChoice, @Nullable Thinking thinking,
                              @Nullable Metadata metadata, @Nullable Boolean stream) {

    /** One turn: {@code user} or {@code assistant}. */
    public record Message(String role, List<ContentBlock> content) {
    }

    public record Metadata(String userId) {
    }

    /** Extended thinking: {@code {"type":"enabled","budget_tokens":N}}. */
    public record Thinking(String type, int budgetTokens) {

        public static Thinking enabled(int budgetTokens) {
            return new Thinking("enabled", budgetTokens);
        }
    }
}
