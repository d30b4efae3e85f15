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

    /** What a complete answer's body held: its usage, or that it was no JSON object at all. */
    public record Parsed(Optional<TokenUsage> usage, boolean malformed) {

        static final Parsed MALFORMED = new Parsed(Optional.empty(), true);
        static final Parsed NO_USAGE = new Parsed(Optional.empty(), false);
    }

    /** Reads a whole answer: its usage when it has one, read to the end (to find out it is well-formed) when not. */
    public static Parsed parse(byte[] json) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Parsed.MALFORMED;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("usage") && value == JsonToken.START_OBJECT) {
                    return new Parsed(Optional.of(usage(parser)), false);
                }
                parser.skipChildren();
            }
            return parser.currentToken() == JsonToken.END_OBJECT ? Parsed.NO_USAGE : Parsed.MALFORMED;
        } catch (JacksonException | IllegalArgumentException e) {
            return Parsed.MALFORMED;
        }
    }

    public static Optional<TokenUsage> read(byte[] json) {
        return parse(json).usage();
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
