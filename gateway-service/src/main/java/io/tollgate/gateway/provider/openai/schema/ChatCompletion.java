package io.tollgate.gateway.provider.openai.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code object: "chat.completion"}. */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices,
                             @Nullable Usage usage, @Nullable String systemFingerprint) {

    public record Choice(int index, Message message, @Nullable Object logprobs, String finishReason) {
    }

    /**
     * @param reasoningContent the model's thinking, where a provider returns it (the field vLLM and DeepSeek use)
     */
    public record Message(String role, @Nullable String content, @Nullable Object refusal,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<ToolCall> toolCalls,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String reasoningContent) {

        public Message(String role, @Nullable String content, @Nullable Object refusal) {
            this(role, content, refusal, null, null);
        }
    }
}
