package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.json.JsonBytes;
import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.json.JsonStrings;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * The text a request sends to the model (message contents, prompt or input), read with the rest of the body.
 * Kept as its parts (one per message content, prompt or input string) because chat requests resend the same parts
 * (the system prompt, the conversation so far) with every turn, and a part's count can be remembered; and kept as
 * where the parts are in the body, not as strings, because a part's size and its remembered count need no string.
 *
 * @param strings  the parts, in request order
 * @param messages the number of chat messages, 0 for other endpoints
 * @param tokenIds the tokens a prompt or input sends already encoded, as arrays of token ids
 */
public record PromptText(JsonStrings strings, int messages, int tokenIds) {

    public static final PromptText NONE = new PromptText(List.of(), 0);

    public PromptText(List<String> parts, int messages) {
        this(JsonStrings.of(parts), messages, 0);
    }

    /** The prompt of a whole body: its endpoint's input field; none when the body is not JSON. */
    public static PromptText of(Endpoint endpoint, byte[] body) {
        try {
            JsonCursor cursor = JsonCursor.reading(body);
            if (cursor.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (cursor.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = cursor.currentName();
                JsonToken value = cursor.nextToken();
                if (name.equals(endpoint.inputField())) {
                    var prompt = read(cursor, value, endpoint == Endpoint.CHAT);
                    return prompt == null ? NONE : prompt;
                }
                cursor.skipChildren();
            }
        } catch (JsonBytes.Malformed | JsonCursor.DuplicateKey e) {
            return NONE;
        }
        return NONE;
    }

    /**
     * Reads the input value the cursor stands on, to its end: every string under it (for chat only "content" and
     * "text" strings), and the messages. Null when there is no input: JSON null or an empty array.
     */
    private static @Nullable PromptText read(JsonCursor cursor, JsonToken value, boolean chat) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        var parts = JsonStrings.in(cursor);
        if (value == JsonToken.VALUE_STRING) {
            parts.addCurrent(cursor);
            return new PromptText(parts, 0, 0);
        }
        if (value != JsonToken.START_ARRAY && value != JsonToken.START_OBJECT) {
            return NONE;
        }
        int messages = 0;
        int elements = 0;
        int depth = 1;
        boolean afterTextName = false;
        while (depth > 0) {
            JsonToken token = cursor.nextToken();
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
            } else if (token == JsonToken.VALUE_STRING && (!chat || afterTextName)) {
                parts.addCurrent(cursor);
            }
            afterTextName = token == JsonToken.PROPERTY_NAME
                    && (cursor.currentName().equals("content") || cursor.currentName().equals("text"));
        }
        if (value == JsonToken.START_ARRAY && elements == 0) {
            return null;
        }
        return new PromptText(parts, chat ? messages : 0, 0);
    }

    /** The parts, decoded. */
    public List<String> parts() {
        return strings.all();
    }

    /** The whole text, one part per line. */
    public String text() {
        return String.join("\n", parts());
    }
}
