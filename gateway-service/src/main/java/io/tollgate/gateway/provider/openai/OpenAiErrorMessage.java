package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The message of an OpenAI-shaped error body, {@code {"error":{"message":...}}}, and of the shapes OpenAI-compatible
 * servers use instead: vLLM's {@code {"object":"error","message":...,"type":...,"code":400}} (before it adopted
 * OpenAI's) and Text Generation Inference's {@code {"error":"...","error_type":...}}.
 */
public final class OpenAiErrorMessage {

    private static final int MAX_LENGTH = 500;

    private OpenAiErrorMessage() {
    }

    public static Optional<String> of(byte[] body) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            @Nullable String topLevel = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ((name.equals("message") || name.equals("error")) && value == JsonToken.VALUE_STRING) {
                    topLevel = parser.getString();
                    continue;
                }
                if (name.equals("error") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING && field.equals("message")) {
                            return Optional.of(shortened(parser.getString()));
                        }
                        parser.skipChildren();
                    }
                    return Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.ofNullable(topLevel).map(OpenAiErrorMessage::shortened);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String shortened(String message) {
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message;
    }
}
