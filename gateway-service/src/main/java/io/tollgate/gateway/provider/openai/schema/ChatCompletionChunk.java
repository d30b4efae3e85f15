package io.tollgate.gateway.provider.openai.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code object: "chat.completion.chunk"}, one server-sent event of a chat stream. */
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                                  @Nullable Usage usage) {

    public record Choice(int index, Delta delta, @Nullable String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delta(@Nullable String role, @Nullable String content, @Nullable List<ToolCall> toolCalls,
                        @Nullable String reasoningContent) {

        public Delta(@Nullable String role, @Nullable String content) {
            this(role, content, null, null);
        }
    }
}
