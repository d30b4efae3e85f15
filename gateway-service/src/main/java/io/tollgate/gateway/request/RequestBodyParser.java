package io.tollgate.gateway.request;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.metering.PromptText;
import io.tollgate.gateway.pipeline.Endpoint;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads only the fields the gateway acts on, skipping everything else without building a tree, and refuses a body
 * that is not a JSON object or lacks a required field with an error that names the field.
 */
public final class RequestBodyParser {

    private RequestBodyParser() {
    }

    /** The facts, or the rejection that explains what is wrong with the body. */
    public static ParseResult parse(Endpoint endpoint, byte[] body) {
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.rejected(malformed("The request body must be a JSON object."));
            }
            String model = null;
            boolean stream = false;
            boolean includeUsage = false;
            PromptText prompt = null;
            OptionalInt maxTokens = OptionalInt.empty();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "model" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            return ParseResult.rejected(invalidType("model", "a string"));
                        }
                        model = parser.getString();
                    }
                    case "stream" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
                            return ParseResult.rejected(invalidType("stream", "a boolean"));
                        }
                        stream = value == JsonToken.VALUE_TRUE;
                    }
                    case "max_tokens", "max_completion_tokens" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            maxTokens = OptionalInt.of(parser.getIntValue());
                        } else if (value != JsonToken.VALUE_NULL) {
                            return ParseResult.rejected(invalidType(name, "an integer"));
                        }
                    }
                    case "stream_options" -> includeUsage = value == JsonToken.START_OBJECT && readIncludeUsage(parser);
                    default -> {
                        if (name.equals(endpoint.inputField())) {
                            prompt = PromptText.read(parser, value, endpoint == Endpoint.CHAT);
                        } else {
                            parser.skipChildren();
                        }
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return ParseResult.rejected(malformed("The request body is not valid JSON."));
            }
            if (model == null || model.isBlank()) {
                return ParseResult.rejected(missing("model", "you must provide a model parameter"));
            }
            if (prompt == null) {
                return ParseResult.rejected(missing(endpoint.inputField(),
                        "Missing required parameter: '" + endpoint.inputField() + "'."));
            }
            if (stream && !endpoint.canStream()) {
                return ParseResult.rejected(Rejection.invalidRequest("stream", "unsupported_parameter",
                        "Streaming is not supported for this endpoint."));
            }
            return ParseResult.parsed(new RequestFacts(model, stream, maxTokens, includeUsage, prompt));
        } catch (JacksonException e) {
            return ParseResult.rejected(malformed("The request body is not valid JSON."));
        }
    }

    private static boolean readIncludeUsage(JsonParser parser) {
        boolean includeUsage = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("include_usage")) {
                includeUsage = value == JsonToken.VALUE_TRUE;
            }
            parser.skipChildren();
        }
        return includeUsage;
    }

    private static Rejection malformed(String message) {
        return Rejection.invalidRequest(null, "invalid_json", message
                + " We could not parse the JSON body of your request.");
    }

    private static Rejection missing(String field, String message) {
        return Rejection.invalidRequest(field, "missing_required_parameter", message);
    }

    private static Rejection invalidType(String field, String expected) {
        return Rejection.invalidRequest(field, "invalid_type", "Invalid type for '" + field + "': expected " + expected + ".");
    }

    /** Either facts or a rejection. */
    public record ParseResult(@Nullable RequestFacts facts, @Nullable Rejection rejection) {

        static ParseResult parsed(RequestFacts facts) {
            return new ParseResult(facts, null);
        }

        static ParseResult rejected(Rejection rejection) {
            return new ParseResult(null, rejection);
        }
    }
}
