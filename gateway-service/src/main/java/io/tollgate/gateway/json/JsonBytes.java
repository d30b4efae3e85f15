package io.tollgate.gateway.json;

/**
 * JSON's lexical part read straight from a body's bytes, as Jackson's parser reads it with the gateway's settings:
 * strict JSON (no comments, single quotes, leading zeros, unescaped control characters or other escapes than JSON's),
 * Jackson's default limits (nesting 500, numbers of 1,000 digits, names of 50,000 bytes), and UTF-8 alone, as RFC 8259
 * has JSON between systems ({@link Utf8Text}). The reader built on it, {@link JsonCursor}, makes nothing of what it
 * passes over. Not thread-safe.
 */
public abstract class JsonBytes {

    protected static final int MAX_DEPTH = 500;
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final int MAX_NAME_LENGTH = 50_000;
    /** Bytes a string passes over as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    protected byte[] in = new byte[0];
    protected int pos;

    /**
     * Reads {@code body} from {@code from}, where a JSON text starts within it, past a UTF-8 byte order mark there
     * (which Jackson passes over).
     */
    protected void start(byte[] body, int from) {
        in = body;
        pos = from + 3 <= body.length && body[from] == (byte) 0xEF && body[from + 1] == (byte) 0xBB
                && body[from + 2] == (byte) 0xBF ? from + 3 : from;
    }

    /** Passes over a string after its opening quote, up to and with its closing one; whether it held an escape. */
    protected final boolean scanString() {
        byte[] bytes = in;
        boolean escaped = false;
        while (true) {
            int at = pos;
            // most of a body is the text of strings: its plain bytes are passed over in this loop alone
            while (at < bytes.length && PLAIN[bytes[at] & 0xFF]) {
                at++;
            }
            pos = at;
            int b = next();
            if (b == '"') {
                return escaped;
            }
            if (b == '\\') {
                escaped = true;
                escape();
            } else if (b < 0x20) {
                throw Malformed.INSTANCE;
            } else {
                pos = Utf8Text.checkedSequence(bytes, pos - 1);
            }
        }
    }

    /** A property name's string, after its opening quote; whether it held an escape. */
    protected final boolean scanName() {
        int start = pos;
        boolean escaped = scanString();
        if (pos - 1 - start > MAX_NAME_LENGTH) {
            throw Malformed.INSTANCE;
        }
        return escaped;
    }

    private void escape() {
        switch (next()) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
            }
            case 'u' -> {
                for (int i = 0; i < 4; i++) {
                    if (Character.digit(next(), 16) < 0) {
                        throw Malformed.INSTANCE;
                    }
                }
            }
            default -> throw Malformed.INSTANCE;
        }
    }

    /**
     * Passes over a number as JSON writes it ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}), after its first
     * byte; whether it was whole (no fraction, no exponent).
     */
    protected final boolean scanNumber(int first) {
        int digit = first == '-' ? next() : first;
        if (!isDigit(digit)) {
            throw Malformed.INSTANCE;
        }
        int integerDigits = digit == '0' ? 1 : 1 + digits();
        if (integerDigits > MAX_NUMBER_LENGTH || digit == '0' && isDigit(peek())) {
            throw Malformed.INSTANCE;
        }
        int fractionDigits = 0;
        int exponentDigits = 0;
        if (peek() == '.') {
            pos++;
            fractionDigits = digits();
            if (fractionDigits == 0) {
                throw Malformed.INSTANCE;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            exponentDigits = digits();
            if (exponentDigits == 0) {
                throw Malformed.INSTANCE;
            }
        }
        boolean whole = fractionDigits == 0 && exponentDigits == 0;
        if (!whole && integerDigits + fractionDigits + exponentDigits > MAX_NUMBER_LENGTH) {
            throw Malformed.INSTANCE;
        }
        return whole;
    }

    /**
     * The whole number {@code in[start, end)} (scanned before); one beyond a {@code long} is the nearest {@code long}
     * when {@code saturate}, else malformed (as Jackson's {@code getLongValue} refuses it). Accumulated negative, as
     * {@code Long.parseLong} does, so that {@code Long.MIN_VALUE} fits.
     */
    protected final long wholeNumber(int start, int end, boolean saturate) {
        boolean negative = in[start] == '-';
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            int digit = in[i] - '0';
            if (value < limit / 10 || value * 10 < limit + digit) {
                if (!saturate) {
                    throw Malformed.INSTANCE;
                }
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            value = value * 10 - digit;
        }
        return negative ? value : -value;
    }

    /** The string of {@code in[start, end)}, the content of a scanned string: decoded, when it holds escapes. */
    protected final String text(int start, int end, boolean escaped) {
        return Utf8Text.string(in, start, end, escaped);
    }

    private int digits() {
        int count = 0;
        while (isDigit(peek())) {
            pos++;
            count++;
        }
        return count;
    }

    protected static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /**
     * The rest of {@code true}, {@code false} or {@code null}. As in Jackson, a letter, digit or other part of a Java
     * identifier right after it makes it a bad token (what follows it otherwise is for the container to judge).
     */
    protected final void literal(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (next() != rest.charAt(i)) {
                throw Malformed.INSTANCE;
            }
        }
        int after = peek();
        if (after >= '0' && after != ']' && after != '}'
                && Character.isJavaIdentifierPart((char) (after < 0x80 ? after : Utf8Text.codePointAt(in, pos)))) {
            throw Malformed.INSTANCE;
        }
    }

    /** The next byte that is not JSON whitespace, not consumed; -1 at the end. */
    protected final int skipSpace() {
        while (pos < in.length) {
            int b = in[pos] & 0xFF;
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
            pos++;
        }
        return -1;
    }

    /** The next byte that is not JSON whitespace, consumed; the end of the body is malformed. */
    protected final int nextNonSpace() {
        if (skipSpace() < 0) {
            throw Malformed.INSTANCE;
        }
        return in[pos++] & 0xFF;
    }

    /** The next byte, consumed; the end of the body is malformed. */
    protected final int next() {
        if (pos >= in.length) {
            throw Malformed.INSTANCE;
        }
        return in[pos++] & 0xFF;
    }

    /** The next byte without consuming it; -1 at the end. */
    protected final int peek() {
        return pos < in.length ? in[pos] & 0xFF : -1;
    }

    /** The body is not valid JSON. One instance without a stack trace: here it is control flow. */
    public static final class Malformed extends RuntimeException {

        public static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed JSON", null, false, false);
        }
    }
}
