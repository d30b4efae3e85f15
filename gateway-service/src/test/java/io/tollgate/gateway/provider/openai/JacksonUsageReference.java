package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * What {@link OpenAiUsageReader#parse} is checked and measured against: the request path's Jackson parser, reading the first
 * top-level usage object and stopping there, or reading to the end of the object when there is none.
 */
final class JacksonUsageReference {

    private JacksonUsageReference() {
    }

    static Parsed parse(byte[] json) {
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

    /** A usage object, the parser on its START_OBJECT: as the gateway read it with Jackson. */
    private static TokenUsage usage(JsonParser parser) {
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

    private static long detail(JsonParser parser, JsonToken value, UsageField wanted) {
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

    private static long number(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return Math.max(0, parser.getLongValue());
        }
        parser.skipChildren();
        return 0;
    }
}
