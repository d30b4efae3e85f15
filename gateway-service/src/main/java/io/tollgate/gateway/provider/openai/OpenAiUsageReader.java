package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.json.JsonBytes;
import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import tools.jackson.core.JsonToken;

/**
 * Reads the top-level {@code usage} block of an OpenAI response or stream chunk, with cached prompt tokens
 * ({@code prompt_tokens_details.cached_tokens}) and reasoning tokens
 * ({@code completion_tokens_details.reasoning_tokens}) kept apart. Empty when the body has no usage (a null usage is
 * no usage).
 */
public final class OpenAiUsageReader {

    private OpenAiUsageReader() {
    }

    /** What a complete answer's body held: its usage, or that it was no JSON object at all. */
    public record Parsed(Optional<TokenUsage> usage, boolean malformed) {

        static final Parsed MALFORMED = new Parsed(Optional.empty(), true);
        static final Parsed NO_USAGE = new Parsed(Optional.empty(), false);
    }

    /**
     * Reads a whole answer: its usage when it has one (nothing after it is read), read to the end (to find out it is
     * well-formed) when not. Read by the JSON cursor in the answer's bytes, which makes nothing of what it passes over.
     */
    public static Parsed parse(byte[] json) {
        try {
            JsonCursor parser = JsonCursor.readingAnswer(json, 0);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Parsed.MALFORMED;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("usage")) {
                    return new Parsed(Optional.of(usage(parser)), false);
                }
                parser.skipChildren();
            }
            return parser.currentToken() == JsonToken.END_OBJECT ? Parsed.NO_USAGE : Parsed.MALFORMED;
        } catch (JsonBytes.Malformed e) {
            return Parsed.MALFORMED;
        }
    }

    /** Reads a usage object, of an answer or a stream's chunk; the parser stands on its START_OBJECT. */
    static TokenUsage usage(JsonCursor parser) {
        long prompt = 0;
        long completion = 0;
        long cached = 0;
        long reasoning = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            UsageField field = UsageField.named(parser.currentName());
            JsonToken value = parser.nextToken();
            switch (field) {
                case PROMPT -> prompt = number(parser, value);
                case COMPLETION -> completion = number(parser, value);
                case PROMPT_DETAILS -> cached = detail(parser, value, UsageField.CACHED);
                case COMPLETION_DETAILS -> reasoning = detail(parser, value, UsageField.REASONING);
                case null, default -> parser.skipChildren();
            }
        }
        return new TokenUsage(prompt, completion, Math.min(cached, prompt), Math.min(reasoning, completion));
    }

    private static long detail(JsonCursor parser, JsonToken value, UsageField wanted) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return 0;
        }
        long found = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            boolean counted = UsageField.named(parser.currentName()) == wanted;
            JsonToken detail = parser.nextToken();
            if (counted) {
                found = number(parser, detail);
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }

    private static long number(JsonCursor parser, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return Math.max(0, parser.longValue());
        }
        parser.skipChildren();
        return 0;
    }
}
