package io.tollgate.gateway.request;

import static io.tollgate.gateway.request.InvalidBody.invalidType;
import static io.tollgate.gateway.request.InvalidBody.invalidValue;
import static io.tollgate.gateway.request.InvalidBody.missing;

import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.json.JsonStrings;
import io.tollgate.gateway.pipeline.PromptText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads and checks {@code messages} of a chat request as OpenAI's reference defines them: a non-empty array of
 * objects, each with a known role; content a string or an array of content parts of the kinds the role allows;
 * {@code tool} messages answer a {@code tool_call_id}, {@code function} messages carry a {@code name}, an assistant
 * message without content has {@code tool_calls} or {@code function_call}. Other fields are the upstream's concern and
 * skipped. Collects the text (string contents and text parts) for token counting on the way.
 */
final class ChatMessages {

    private static final int TEXT = 1;
    private static final int IMAGE = 1 << 1;
    private static final int AUDIO = 1 << 2;
    private static final int FILE = 1 << 3;
    private static final int REFUSAL = 1 << 4;
    private static final int UNKNOWN = -1;

    private ChatMessages() {
    }

    static PromptText read(JsonCursor parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            throw missing("messages", "Missing required parameter: 'messages'.");
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalidType("messages", "an array of message objects");
        }
        var parts = JsonStrings.in(parser);
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw invalidType("messages[" + index + "]", "an object");
            }
            message(parser, index, parts);
            index++;
        }
        if (index == 0) {
            throw invalidValue("messages", "expected a non-empty array of messages.");
        }
        return new PromptText(parts, index, 0);
    }

    private static void message(JsonCursor parser, int index, JsonStrings parts) {
        String role = null;
        boolean content = false;
        boolean calls = false;
        boolean toolCallId = false;
        boolean name = false;
        int partTypes = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "role" -> {
                    role = string(parser, value, index, "role");
                    if (role != null && accepted(role) == UNKNOWN) {
                        throw invalidValue(param(index, "role"), "expected one of system, developer, user, assistant,"
                                + " tool, function.");
                    }
                }
                case "content" -> {
                    content = value != JsonToken.VALUE_NULL;
                    partTypes = content(parser, value, index, parts);
                }
                case "tool_call_id" -> toolCallId = string(parser, value, index, field) != null;
                case "name" -> name = string(parser, value, index, field) != null;
                case "tool_calls" -> {
                    calls |= value != JsonToken.VALUE_NULL;
                    BodyValues.array(parser, value, param(index, field));
                }
                case "function_call" -> {
                    calls |= value != JsonToken.VALUE_NULL;
                    BodyValues.object(parser, value, param(index, field));
                }
                default -> parser.skipChildren();
            }
        }
        if (role == null) {
            throw missing(param(index, "role"), "Missing required parameter: '" + param(index, "role") + "'.");
        }
        check(role, index, content, calls, toolCallId, name, partTypes);
    }

    private static void check(String role, int index, boolean content, boolean calls, boolean toolCallId,
                              boolean name, int partTypes) {
        if (!content && !role.equals("function") && !(role.equals("assistant") && calls)) {
            throw missing(param(index, "content"), "Missing required parameter: '" + param(index, "content") + "'"
                    + (role.equals("assistant") ? " (an assistant message needs content, tool_calls or function_call)."
                    : "."));
        }
        if ((partTypes & ~accepted(role)) != 0) {
            throw invalidValue(param(index, "content"), "a " + role + " message accepts "
                    + (role.equals("function") ? "only a string." : role.equals("user")
                    ? "text, image_url, input_audio and file parts." : role.equals("assistant")
                    ? "text and refusal parts." : "text parts only."));
        }
        if (role.equals("tool") && !toolCallId) {
            throw missing(param(index, "tool_call_id"), "Missing required parameter: '" + param(index, "tool_call_id")
                    + "'.");
        }
        if (role.equals("function") && !name) {
            throw missing(param(index, "name"), "Missing required parameter: '" + param(index, "name") + "'.");
        }
    }

    /** A string, or an array of content parts: their kinds, as bits. */
    private static int content(JsonCursor parser, JsonToken value, int index, JsonStrings parts) {
        if (value == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (value == JsonToken.VALUE_STRING) {
            parts.addCurrent(parser);
            return 0;
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalidType(param(index, "content"), "a string or an array of content parts");
        }
        int kinds = 0;
        int part = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw invalidType(param(index, "content") + "[" + part + "]", "an object");
            }
            kinds |= contentPart(parser, index, part, parts);
            part++;
        }
        return kinds;
    }

    private static int contentPart(JsonCursor parser, int index, int part, JsonStrings parts) {
        int kind = 0;
        boolean text = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("type")) {
                String type = value == JsonToken.VALUE_STRING ? parser.getString()
                        : BodyValues.string(parser, value, part(index, part, "type"));
                kind = type == null ? UNKNOWN : kind(type);
                if (kind == UNKNOWN) {
                    throw invalidValue(part(index, part, "type"),
                            "expected one of text, image_url, input_audio, file, refusal.");
                }
            } else if (field.equals("text") && value == JsonToken.VALUE_STRING) {
                parts.addCurrent(parser);
                text = true;
            } else {
                parser.skipChildren();
            }
        }
        if (kind == 0) {
            throw missing(part(index, part, "type"),
                    "Missing required parameter: '" + part(index, part, "type") + "'.");
        }
        if (kind == TEXT && !text) {
            throw missing(part(index, part, "text"), "A text content part needs 'text', a string.");
        }
        return kind;
    }

    /** The content parts a role accepts, as bits; UNKNOWN for a role OpenAI does not have. */
    private static int accepted(String role) {
        return switch (role) {
            case "system", "developer", "tool" -> TEXT;
            case "user" -> TEXT | IMAGE | AUDIO | FILE;
            case "assistant" -> TEXT | REFUSAL;
            case "function" -> 0;
            default -> UNKNOWN;
        };
    }

    private static int kind(String type) {
        return switch (type) {
            case "text" -> TEXT;
            case "image_url" -> IMAGE;
            case "input_audio" -> AUDIO;
            case "file" -> FILE;
            case "refusal" -> REFUSAL;
            default -> UNKNOWN;
        };
    }

    /** A string or null, the parameter's name made only for an error (it was made for every message). */
    private static @Nullable String string(JsonCursor parser, JsonToken value, int index, String field) {
        return value == JsonToken.VALUE_STRING ? parser.getString()
                : BodyValues.string(parser, value, param(index, field));
    }

    private static String part(int index, int part, String field) {
        return param(index, "content") + "[" + part + "]." + field;
    }

    private static String param(int index, String field) {
        return "messages[" + index + "]." + field;
    }
}
