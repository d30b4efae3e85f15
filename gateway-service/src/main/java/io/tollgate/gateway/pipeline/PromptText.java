package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.http.Json;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The text a request sends to the model (message contents, prompt or input), read with the rest of the body.
 * Kept as its parts (one per message content, prompt or input string) because chat requests resend the same parts
 * (the system prompt, the conversation so far) with every turn, and a part's count can be remembered.
 *
 * @param parts    the strings, in request order
 * @param messages the number of chat messages, 0 for other endpoints
 * @param tokenIds the tokens a prompt or input sends already encoded, as arrays of token ids
 */
public record PromptText(List<String> parts, int messages, int tokenIds) {

    public static final PromptText NONE = new PromptText(List.of(), 0);

    public PromptText {
        parts = List.copyOf(parts);
    }

    public PromptText(List<String> parts, int messages) {
        this(parts, messages, 0);
    }

    /** The prompt of a whole body: its endpoint's input field. */
    public static PromptText of(Endpoint endpoint, byte[] body) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(endpoint.inputField())) {
                    var prompt = read(parser, value, endpoint == Endpoint.CHAT);
                    return prompt == null ? NONE : prompt;
                }
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            return NONE;
        }
        return NONE;
    }

    /**
     * Reads the input value the parser stands on, to its end: every string under it (for chat only "content" and
     * "text" strings), and the messages. Null when there is no input: JSON null or an empty array.
     */
    private static @Nullable PromptText read(JsonParser parser, JsonToken value, boolean chat) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            return new PromptText(List.of(parser.getString()), 0);
        }
        if (value != JsonToken.START_ARRAY && value != JsonToken.START_OBJECT) {
            return NONE;
        }
        var parts = new ArrayList<String>();
        int messages = 0;
        int elements = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (depth == 1 && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT
                    && token != JsonToken.PROPERTY_NAME) {
                elements++;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                if (depth == 1 && token == JsonToken.START_OBJECT) {
                    messages++;
                }
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING) {
                String field = parser.currentName();
                if (!chat || "content".equals(field) || "text".equals(field)) {
                    parts.add(parser.getString());
                }
            }
        }
        if (value == JsonToken.START_ARRAY && elements == 0) {
            return null;
        }
        return new PromptText(parts, chat ? messages : 0);
    }

    /** The whole text, one part per line. */
    public String text() {
        return String.join("\n", parts);
    }
}
