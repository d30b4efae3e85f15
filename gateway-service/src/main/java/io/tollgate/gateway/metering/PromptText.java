package io.tollgate.gateway.metering;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.pipeline.Endpoint;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The text a request sends to the model (message contents, prompt or input), read only when tokens must be counted.
 * Kept as its parts (one per message content, prompt or input string) because chat requests resend the same parts
 * (the system prompt, the conversation so far) with every turn, and a part's count can be remembered.
 *
 * @param parts    the strings, in request order
 * @param messages the number of chat messages, 0 for other endpoints
 */
public record PromptText(List<String> parts, int messages) {

    public PromptText {
        parts = List.copyOf(parts);
    }

    public static PromptText of(Endpoint endpoint, byte[] body) {
        var parts = new ArrayList<String>();
        int messages = 0;
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new PromptText(parts, 0);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(endpoint.inputField())) {
                    messages = collect(parser, value, parts, endpoint == Endpoint.CHAT);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return new PromptText(parts, messages);
        }
        return new PromptText(parts, messages);
    }

    /** The whole text, one part per line. */
    public String text() {
        return String.join("\n", parts);
    }

    /** Adds every string under the current value (for chat: only "content" and "text" strings); counts messages. */
    private static int collect(JsonParser parser, JsonToken value, List<String> parts, boolean chat) {
        if (value == JsonToken.VALUE_STRING) {
            parts.add(parser.getString());
            return 0;
        }
        if (value != JsonToken.START_ARRAY && value != JsonToken.START_OBJECT) {
            return 0;
        }
        int messages = 0;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
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
        return chat ? messages : 0;
    }
}
