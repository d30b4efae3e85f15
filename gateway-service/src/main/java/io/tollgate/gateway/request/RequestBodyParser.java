package io.tollgate.gateway.request;

import static io.tollgate.gateway.request.BodyValues.UNBOUNDED;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.json.JsonBytes;
import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestFacts;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads the body in one pass with a {@link JsonCursor} over its bytes, without building a tree: the fields the gateway
 * acts on are kept, every field the gateway reads or that changes what a request costs is checked against OpenAI's API
 * reference (type and range, for the endpoint at hand), everything else is skipped. Refuses a body that is not one JSON
 * object, that names a key twice in any object (the gateway and the upstream could read different values), or that
 * lacks or mistypes a field, with an error whose {@code param} names the field.
 */
public final class RequestBodyParser {

    private static final Set<String> ENCODING_FORMATS = Set.of("float", "base64");
    private static final int MOST_CHOICES = 128;

    private RequestBodyParser() {
    }

    /** The facts, or the rejection that explains what is wrong with the body. */
    public static ParseResult parse(Endpoint endpoint, byte[] body) {
        try {
            JsonCursor parser = JsonCursor.reading(body);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ParseResult.rejected(malformed("The request body must be a JSON object."));
            }
            var fields = new Fields(endpoint);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                fields.read(parser, name, parser.nextToken());
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return ParseResult.rejected(malformed("The request body is not valid JSON."));
            }
            return ParseResult.parsed(fields.facts());
        } catch (InvalidBody e) {
            return ParseResult.rejected(e.rejection());
        } catch (JsonCursor.DuplicateKey e) {
            return ParseResult.rejected(Rejection.invalidRequest(null, "duplicate_key",
                    "The request body names the same key twice in one object; send each key once."));
        } catch (JsonBytes.Malformed e) {
            return ParseResult.rejected(malformed("The request body is not valid JSON."));
        }
    }

    /** The fields of one body as they are read. */
    private static final class Fields {

        private final Endpoint endpoint;
        private @Nullable String model;
        private boolean stream;
        private boolean includeUsage;
        private @Nullable PromptText prompt;
        private OptionalLong maxTokens = OptionalLong.empty();
        private OptionalLong n = OptionalLong.empty();
        private OptionalLong bestOf = OptionalLong.empty();

        Fields(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        void read(JsonCursor parser, String name, JsonToken value) {
            if (name.equals(endpoint.inputField())) {
                prompt = endpoint == Endpoint.CHAT ? ChatMessages.read(parser, value)
                        : ModelInput.read(parser, value, name, endpoint == Endpoint.EMBEDDINGS);
                return;
            }
            switch (name) {
                case "model" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw InvalidBody.invalidType("model", "a string");
                    }
                    model = parser.getString();
                }
                case "user" -> BodyValues.string(parser, value, name);
                default -> {
                    if (endpoint == Endpoint.EMBEDDINGS) {
                        embeddingField(parser, name, value);
                    } else {
                        completionField(parser, name, value);
                    }
                }
            }
        }

        private void embeddingField(JsonCursor parser, String name, JsonToken value) {
            switch (name) {
                case "dimensions" -> BodyValues.integer(parser, value, name, 1, UNBOUNDED);
                case "encoding_format" -> BodyValues.oneOf(parser, value, name, ENCODING_FORMATS);
                case "stream" -> {
                    if (BodyValues.bool(value, name) && !endpoint.canStream()) {
                        throw InvalidBody.of(Rejection.invalidRequest("stream", "unsupported_parameter",
                                "Streaming is not supported for this endpoint."));
                    }
                }
                default -> parser.skipChildren();
            }
        }

        /** Chat and legacy completions; where their references differ, the endpoint decides. */
        private void completionField(JsonCursor parser, String name, JsonToken value) {
            boolean chat = endpoint == Endpoint.CHAT;
            switch (name) {
                case "stream" -> stream = BodyValues.bool(value, name);
                case "stream_options" -> includeUsage = streamOptions(parser, value);
                // legacy completions accept 0 (with echo, to score a prompt); chat needs room for an answer
                case "max_tokens" -> larger(BodyValues.integer(parser, value, name, chat ? 1 : 0, Integer.MAX_VALUE));
                case "max_completion_tokens" -> {
                    if (chat) {
                        larger(BodyValues.integer(parser, value, name, 1, Integer.MAX_VALUE));
                    } else {
                        parser.skipChildren();
                    }
                }
                case "n" -> n = BodyValues.integer(parser, value, name, 1, MOST_CHOICES);
                case "temperature" -> BodyValues.number(parser, value, name, 0, 2);
                case "top_p" -> BodyValues.number(parser, value, name, 0, 1);
                case "presence_penalty", "frequency_penalty" -> BodyValues.number(parser, value, name, -2, 2);
                case "stop" -> BodyValues.stop(parser, value);
                case "logprobs" -> {
                    if (chat) {
                        BodyValues.bool(value, name);
                    } else {
                        BodyValues.integer(parser, value, name, 0, 5);
                    }
                }
                case "top_logprobs" ->
                        completionOnly(parser, chat, () -> BodyValues.integer(parser, value, name, 0, 20));
                case "best_of" ->
                        completionOnly(parser, !chat, () -> bestOf = BodyValues.integer(parser, value, name, 0, 20));
                case "echo" -> completionOnly(parser, !chat, () -> BodyValues.bool(value, name));
                case "suffix" -> completionOnly(parser, !chat, () -> BodyValues.string(parser, value, name));
                default -> parser.skipChildren();
            }
        }

        private static void completionOnly(JsonCursor parser, boolean applies, Runnable check) {
            if (applies) {
                check.run();
            } else {
                parser.skipChildren();
            }
        }

        private static boolean streamOptions(JsonCursor parser, JsonToken value) {
            if (value == JsonToken.VALUE_NULL) {
                return false;
            }
            if (value != JsonToken.START_OBJECT) {
                throw InvalidBody.invalidType("stream_options", "an object");
            }
            boolean includeUsage = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken option = parser.nextToken();
                if (name.equals("include_usage")) {
                    includeUsage = BodyValues.bool(option, "stream_options.include_usage");
                } else {
                    parser.skipChildren();
                }
            }
            return includeUsage;
        }

        /** With max_tokens and max_completion_tokens both, the larger bounds the completion, whichever is read. */
        private void larger(OptionalLong value) {
            if (value.isPresent() && (maxTokens.isEmpty() || value.getAsLong() > maxTokens.getAsLong())) {
                maxTokens = value;
            }
        }

        RequestFacts facts() {
            if (model == null || model.isBlank()) {
                throw InvalidBody.missing("model", "you must provide a model parameter");
            }
            if (prompt == null) {
                throw InvalidBody.missing(endpoint.inputField(),
                        "Missing required parameter: '" + endpoint.inputField() + "'.");
            }
            if (bestOf.isPresent() && bestOf.getAsLong() < n.orElse(1)) {
                throw InvalidBody.invalidValue("best_of", "best_of must be at least n.");
            }
            int choices = (int) Math.max(n.orElse(1), bestOf.orElse(1));
            OptionalInt cap = maxTokens.isPresent() ? OptionalInt.of((int) maxTokens.getAsLong()) : OptionalInt.empty();
            return new RequestFacts(model, stream, cap, includeUsage, prompt, choices);
        }
    }

    private static Rejection malformed(String message) {
        return Rejection.invalidRequest(null, "invalid_json", message
                + " We could not parse the JSON body of your request.");
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
