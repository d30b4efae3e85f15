package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A content block of a message, request or response: {@code text}, {@code image}, {@code tool_use},
 * {@code tool_result}, {@code thinking} or {@code redacted_thinking}; only the fields of its type are set.
 *
 * @param content a {@code tool_result}'s content (a string)
 */
public record ContentBlock(String type, @Nullable String text, @Nullable ImageSource source, @Nullable String id,
                           @Nullable String name, @Nullable JsonNode input, @Nullable String toolUseId,
                           @Nullable String content, @Nullable String thinking, @Nullable String signature) {

    public static ContentBlock text(String text) {
        return new ContentBlock("text", text, null, null, null, null, null, null, null, null);
    }

    public static ContentBlock image(ImageSource source) {
        return new ContentBlock("image", null, source, null, null, null, null, null, null, null);
    }

    public static ContentBlock toolUse(String id, String name, JsonNode input) {
        return new ContentBlock("tool_use", null, null, id, name, input, null, null, null, null);
    }

    public static ContentBlock toolResult(String toolUseId, String content) {
        return new ContentBlock("tool_result", null, null, null, null, null, toolUseId, content, null, null);
    }

    /** An image: {@code base64} with its media type and data, or {@code url}. */
    public record ImageSource(String type, @Nullable String mediaType, @Nullable String data, @Nullable String url) {

        public static ImageSource base64(String mediaType, String data) {
            return new ImageSource("base64", mediaType, data, null);
        }

        public static ImageSource url(String url) {
            return new ImageSource("url", null, null, url);
        }
    }
}
