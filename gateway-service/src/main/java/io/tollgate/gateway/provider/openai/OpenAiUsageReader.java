package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads the top-level {@code usage} block of an OpenAI response or stream chunk, with cached prompt tokens
 * ({@code prompt_tokens_details.cached_tokens}) and reasoning tokens ({@code completion_tokens_details.reasoning_tokens})
 * kept apart. Empty when the body has no usage (a null usage is no usage).
 */
public final class OpenAiUsageReader {

    private OpenAiUsageReader() {
    }

    public static Optional<TokenUsage> read(byte[] json, int offset, int length) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("usage") && value == JsonToken.START_OBJECT) {
                    return Optional.of(usage(parser));
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static Optional<TokenUsage> read(byte[] json) {
        return read(json, 0, json.length);
    }

    /** Reads a usage object; the parser stands on its START_OBJECT. */
    static TokenUsage usage(JsonParser parser) {
        long prompt = 0;
        long completion = 0;
        long cached = 0;
        long reasoning = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "prompt_tokens", "input_tokens" -> prompt = number(parser, value);
                case "completion_tokens", "output_tokens" -> completion = number(parser, value);
                case "prompt_tokens_details", "input_tokens_details" -> cached = detail(parser, value, "cached_tokens");
                case "completion_tokens_details", "output_tokens_details" ->
                        reasoning = detail(parser, value, "reasoning_tokens");
                default -> parser.skipChildren();
            }
        }
        return new TokenUsage(prompt, completion, Math.min(cached, prompt), Math.min(reasoning, completion));
    }

    private static long detail(JsonParser parser, JsonToken value, String field) {
        long found = 0;
        if (value != JsonToken.START_OBJECT) {
            return 0;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken detail = parser.nextToken();
            if (name.equals(field)) {
                found = number(parser, detail);
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static long number(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT ? Math.max(0, parser.getLongValue()) : 0;
    }
}
