package io.tollgate.gateway.provider.bedrock.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /model/{modelId}/converse} and {@code /converse-stream} (the model is in the path).
 *
 * @param system the system prompt as text blocks
 */
public record ConverseRequest(List<Message> messages, @Nullable List<SystemBlock> system,
                              @Nullable InferenceConfig inferenceConfig, @Nullable ToolConfig toolConfig) {

    /** A system prompt block: {@code {"text": "..."}}. */
    public record SystemBlock(String text) {
    }

    /** The inference parameters every Converse model takes. */
    public record InferenceConfig(@Nullable Integer maxTokens, @Nullable Double temperature, @Nullable Double topP,
                                  @Nullable List<String> stopSequences) {

        public boolean empty() {
            return maxTokens == null && temperature == null && topP == null && stopSequences == null;
        }
    }
}
