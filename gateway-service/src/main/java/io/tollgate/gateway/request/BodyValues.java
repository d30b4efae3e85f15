package io.tollgate.gateway.request;

import static io.tollgate.gateway.request.InvalidBody.invalidType;
import static io.tollgate.gateway.request.InvalidBody.invalidValue;

import io.tollgate.gateway.json.JsonCursor;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * Reads one scalar field of a request body where the parser stands, checked against the type and range OpenAI's API
 * reference gives it. JSON null is the field left unset (every such field is nullable there).
 */
final class BodyValues {

    static final long UNBOUNDED = Long.MAX_VALUE;

    private BodyValues() {
    }

    /** An integer within [min, max]. */
    static OptionalLong integer(JsonCursor parser, JsonToken value, String param, long min, long max) {
        if (value == JsonToken.VALUE_NULL) {
            return OptionalLong.empty();
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw invalidType(param, "an integer");
        }
        long number = parser.longValueSaturated();
        if (number < min || number > max) {
            throw invalidValue(param, "expected an integer "
                    + (max == UNBOUNDED ? ">= " + min : "from " + min + " to " + max)
                    + ", got " + parser.getString() + ".");
        }
        return OptionalLong.of(number);
    }

    /** A number within [min, max]. */
    static void number(JsonCursor parser, JsonToken value, String param, double min, double max) {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw invalidType(param, "a number");
        }
        double number = parser.doubleValue();
        if (!(number >= min && number <= max)) {
            throw invalidValue(param, "expected a number from " + plain(min) + " to " + plain(max) + ", got "
                    + parser.getString() + ".");
        }
    }

    static boolean bool(JsonToken value, String param) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
            throw invalidType(param, "a boolean");
        }
        return value == JsonToken.VALUE_TRUE;
    }

    static @Nullable String string(JsonCursor parser, JsonToken value, String param) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw invalidType(param, "a string");
        }
        return parser.getString();
    }

    /** One of a few strings. */
    static void oneOf(JsonCursor parser, JsonToken value, String param, Set<String> allowed) {
        String text = string(parser, value, param);
        if (text != null && !allowed.contains(text)) {
            throw invalidValue(param, "expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }

    /** {@code stop}: a string, or an array of 1 to 4 strings. */
    static void stop(JsonCursor parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL || value == JsonToken.VALUE_STRING) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            throw invalidType("stop", "a string or an array of strings");
        }
        int sequences = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                throw invalidType("stop[" + sequences + "]", "a string");
            }
            sequences++;
        }
        if (sequences < 1 || sequences > 4) {
            throw invalidValue("stop", "expected 1 to 4 stop sequences, got " + sequences + ".");
        }
    }

    /** A value that must be an object, skipped to its end. */
    static void object(JsonCursor parser, JsonToken value, String param) {
        if (value != JsonToken.START_OBJECT && value != JsonToken.VALUE_NULL) {
            throw invalidType(param, "an object");
        }
        parser.skipChildren();
    }

    /** A value that must be an array, skipped to its end. */
    static void array(JsonCursor parser, JsonToken value, String param) {
        if (value != JsonToken.START_ARRAY && value != JsonToken.VALUE_NULL) {
            throw invalidType(param, "an array");
        }
        parser.skipChildren();
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
