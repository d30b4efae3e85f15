package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/** The {@code error.message} of an OpenAI-shaped error body. */
public final class OpenAiErrorMessage {

    private static final int MAX_LENGTH = 500;

    private OpenAiErrorMessage() {
    }

    public static Optional<String> of(byte[] body) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("error") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING && field.equals("message")) {
                            String message = parser.getString();
                            return Optional.of(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message);
                        }
                        parser.skipChildren();
                    }
                    return Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
