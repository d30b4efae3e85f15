package io.tollgate.gateway.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * A pull reader of one request body, straight from its bytes: the tokens, names and values that Jackson's streaming
 * parser gives, with the request path's settings (strict JSON, every object's keys unique, Jackson's default limits
 * on nesting, number and name length), and the same errors at the same tokens, so that the body's checks read as
 * before. What it does not make: a parser, its buffers and contexts, a set per object for its keys (about a kilobyte
 * per request). A string is made only when asked for, and a name the gateway knows is a constant. Unlike Jackson, it
 * reads UTF-8 alone, as RFC 8259 has JSON between systems: it refuses overlong forms, surrogates and code points past
 * U+10FFFF, which Jackson reads as something else, and does not take a body for UTF-16 or UTF-32 by its first bytes.
 * Not thread-safe; one per thread, reset for each body ({@link #reading}).
 */
public final class JsonCursor extends JsonBytes {

    private static final ThreadLocal<JsonCursor> CURSORS = ThreadLocal.withInitial(JsonCursor::new);
    private @Nullable JsonToken current;
    private int depth;
    /** Per open container, from the root's (1): whether it is an object. */
    private boolean[] objects = new boolean[16];
    /** The current string's or number's bytes, {@code in[textStart, textEnd)}; a string is scanned when needed. */
    private int textStart;
    private int textEnd;
    private boolean textEscaped;
    private boolean stringPending;
    /** The current property's name: its bytes, and its string once asked for. */
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;
    private @Nullable String name;
    /** The value read with the current name, when it was a number or a literal; else the value's first byte. */
    private @Nullable JsonToken nextValue;
    private int valueFirst;
    /** Where the current value starts: its first byte. */
    private int valueStart;
    private final ObjectKeys keys = new ObjectKeys();
    /** Whether an object naming a key twice is refused. */
    private boolean checkKeys;

    private JsonCursor() {
    }

    /** This thread's cursor, set to the start of {@code body}. */
    public static JsonCursor reading(byte[] body) {
        JsonCursor cursor = CURSORS.get();
        cursor.start(body, 0);
        cursor.reset(body, true);
        return cursor;
    }

    /**
     * This thread's cursor, set to a provider's JSON at {@code from} in {@code bytes} (a whole answer, or an event of a
     * stream): keys are not checked for repeats there, as Jackson's parser did not check them in answers.
     */
    public static JsonCursor readingAnswer(byte[] bytes, int from) {
        JsonCursor cursor = CURSORS.get();
        cursor.start(bytes, from);
        cursor.reset(bytes, false);
        return cursor;
    }

    private void reset(byte[] body, boolean uniqueKeys) {
        checkKeys = uniqueKeys;
        current = null;
        depth = 0;
        stringPending = false;
        name = null;
        keys.reset(body);
        if (objects.length > 64) {
            objects = new boolean[16]; // a deeply nested body does not keep its stack's size
        }
    }

    /** The next token; null at the end of the input. */
    public @Nullable JsonToken nextToken() {
        if (current == JsonToken.PROPERTY_NAME) {
            JsonToken value = nextValue;
            return current = value != null ? value : value(valueFirst);
        }
        if (stringPending) {
            finishString();
        }
        int b = skipSpace();
        if (depth == 0) {
            if (b < 0) {
                if (pos == 3 && current == null && in.length == 3 && in[0] == (byte) 0xEF) {
                    throw Malformed.INSTANCE; // a byte order mark and nothing else: Jackson refuses it
                }
                return current = null;
            }
            pos++;
            return current = rootValue(b);
        }
        if (b < 0) {
            throw Malformed.INSTANCE;
        }
        pos++;
        if (objects[depth]) {
            if (b == '}') {
                return current = leave();
            }
            readName(entry(b));
            return current = JsonToken.PROPERTY_NAME;
        }
        if (b == ']') {
            return current = leave();
        }
        return current = value(entry(b));
    }

    /**
     * The first byte of the open container's next entry: {@code b} when the container has just opened (its start is
     * the last token), else the one after its comma.
     */
    private int entry(int b) {
        if (current == JsonToken.START_OBJECT || current == JsonToken.START_ARRAY) {
            return b;
        }
        if (b != ',') {
            throw Malformed.INSTANCE;
        }
        return nextNonSpace();
    }

    public @Nullable JsonToken currentToken() {
        return current;
    }

    /** The name of the current property, after {@link JsonToken#PROPERTY_NAME}. */
    public String currentName() {
        if (current != JsonToken.PROPERTY_NAME) {
            throw new IllegalStateException("not at a property name: " + current);
        }
        if (name == null) {
            name = nameEscaped ? text(nameStart, nameEnd, true) : PropertyNames.of(in, nameStart, nameEnd);
        }
        return name;
    }

    /** A string value, decoded; the text of a number. */
    public String getString() {
        if (current == JsonToken.VALUE_STRING) {
            finishStringValue();
            return text(textStart, textEnd, textEscaped);
        }
        if (current == JsonToken.VALUE_NUMBER_INT || current == JsonToken.VALUE_NUMBER_FLOAT) {
            return new String(in, textStart, textEnd - textStart, StandardCharsets.US_ASCII);
        }
        throw new IllegalStateException("not at a string or a number: " + current);
    }

    /** Where the current value starts in the input: its first byte, a string's quote or a container's bracket. */
    public int valueStart() {
        return valueStart;
    }

    /**
     * Just past the current token in the input: past a value's last byte, a container's opening bracket or, at its end,
     * its closing one.
     */
    public int tokenEnd() {
        if (stringPending) {
            finishString();
        }
        return pos;
    }

    /** Scans the current string value, if not yet done, for its place in the body. */
    void finishStringValue() {
        if (current != JsonToken.VALUE_STRING) {
            throw new IllegalStateException("not at a string: " + current);
        }
        if (stringPending) {
            finishString();
        }
    }

    int textStart() {
        return textStart;
    }

    int textEnd() {
        return textEnd;
    }

    boolean textEscaped() {
        return textEscaped;
    }

    /** A whole number; one beyond a {@code long} as the nearest {@code long}. */
    public long longValueSaturated() {
        return wholeNumber(textStart, textEnd, true);
    }

    /** A whole number; one beyond a {@code long} is refused as Jackson's {@code getLongValue} refuses it. */
    public long longValue() {
        if (current != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalStateException("not at a whole number: " + current);
        }
        return wholeNumber(textStart, textEnd, false);
    }

    public double doubleValue() {
        double value = Double.parseDouble(getString());
        // a whole number is read as an integer first, as Jackson does: -0 is 0
        return current == JsonToken.VALUE_NUMBER_INT && value == 0 ? 0.0 : value;
    }

    /** At the start of an object or array, passes over it to its end, its contents checked as they go; else nothing. */
    public void skipChildren() {
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return;
        }
        int open = depth;
        while (depth >= open) {
            if (nextToken() == null) {
                throw Malformed.INSTANCE;
            }
        }
    }

    /**
     * A value at the root, after its first byte (as in Jackson, values may follow one another there; the caller refuses
     * a second one). A number there must be followed by whitespace or the end.
     */
    private JsonToken rootValue(int first) {
        JsonToken token = value(first);
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            int after = peek();
            if (after >= 0 && after != ' ' && after != '\t' && after != '\r' && after != '\n') {
                throw Malformed.INSTANCE;
            }
        }
        return token;
    }

    private JsonToken value(int first) {
        valueStart = pos - 1;
        switch (first) {
            case '"' -> {
                textStart = pos;
                stringPending = true;
                return JsonToken.VALUE_STRING;
            }
            case '{' -> {
                open(true);
                return JsonToken.START_OBJECT;
            }
            case '[' -> {
                open(false);
                return JsonToken.START_ARRAY;
            }
            case 't' -> {
                literal("rue");
                return JsonToken.VALUE_TRUE;
            }
            case 'f' -> {
                literal("alse");
                return JsonToken.VALUE_FALSE;
            }
            case 'n' -> {
                literal("ull");
                return JsonToken.VALUE_NULL;
            }
            default -> {
                if (first != '-' && !isDigit(first)) {
                    throw Malformed.INSTANCE;
                }
                return number(first);
            }
        }
    }

    private void open(boolean object) {
        if (++depth > MAX_DEPTH) {
            throw Malformed.INSTANCE;
        }
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
        }
        objects[depth] = object;
        if (object && checkKeys) {
            keys.open();
        }
    }

    private JsonToken leave() {
        boolean object = objects[depth];
        if (object && checkKeys) {
            keys.close();
        }
        depth--;
        return object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    /**
     * A property name, its colon, and as in Jackson its value when that is a number or a literal (read whole here, so
     * that an error in it is an error at the name); the value's token is then returned next.
     */
    private void readName(int quote) {
        if (quote != '"') {
            throw Malformed.INSTANCE;
        }
        int start = pos;
        boolean escaped = scanName();
        int end = pos - 1;
        if (checkKeys) {
            keys.add(start, end, escaped);
        }
        nameStart = start;
        nameEnd = end;
        nameEscaped = escaped;
        name = null;
        if (nextNonSpace() != ':') {
            throw Malformed.INSTANCE;
        }
        int first = nextNonSpace();
        nextValue = first == '"' || first == '{' || first == '[' ? null : value(first);
        valueFirst = first;
    }

    private void finishString() {
        stringPending = false;
        pos = textStart;
        textEscaped = scanString();
        textEnd = pos - 1;
    }

    /** A number, after its first byte: its text kept for its value. */
    private JsonToken number(int first) {
        textStart = pos - 1;
        boolean whole = scanNumber(first);
        textEnd = pos;
        return whole ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** An object names a key twice. */
    public static final class DuplicateKey extends RuntimeException {

        static final DuplicateKey INSTANCE = new DuplicateKey();

        private DuplicateKey() {
            super("duplicate key", null, false, false);
        }
    }
}
