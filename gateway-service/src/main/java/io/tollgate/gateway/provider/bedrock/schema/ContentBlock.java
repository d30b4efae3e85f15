package io.tollgate.gateway.provider.bedrock.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A content block, a union: exactly one of {@code text}, {@code image}, {@code toolUse}, {@code toolResult} or
 * {@code reasoningContent} is set.
 */
public record ContentBlock(@Nullable String text, @Nullable Image image, @Nullable ToolUse toolUse,
                           @Nullable ToolResult toolResult, @Nullable ReasoningContent reasoningContent) {

    public static ContentBlock text(String text) {
        return new ContentBlock(text, null, null, null, null);
    }

    public static ContentBlock image(String format, String base64) {
        return new ContentBlock(null, new Image(format, new Image.Source(base64)), null, null, null);
    }

    public static ContentBlock toolUse(String toolUseId, String name, JsonNode input) {
        return new ContentBlock(null, null, new ToolUse(toolUseId, name, input), null, null);
    }

    public static ContentBlock toolResult(String toolUseId, String text) {
        return new ContentBlock(null, null, null,
                new ToolResult(toolUseId, List.of(new ToolResult.Content(text)), null), null);
    }

    /** An image: {@code png}, {@code jpeg}, {@code gif} or {@code webp}, its bytes base64-encoded in JSON. */
    public record Image(String format, Source source) {

        public record Source(String bytes) {
        }
    }

    public record ToolUse(String toolUseId, String name, @Nullable JsonNode input) {
    }

    /** @param status {@code success} or {@code error}; absent means success */
    public record ToolResult(String toolUseId, List<Content> content, @Nullable String status) {

        public record Content(@Nullable String text) {
        }
    }

    /** The model's thinking, where a model returns it. */
    public record ReasoningContent(@Nullable ReasoningText reasoningText) {

        public record ReasoningText(@Nullable String text, @Nullable String signature) {
        }
    }
}
