package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;

/**
 * Reads the top-level {@code usage} of a whole answer straight from its bytes. It passes over everything else without
 * making a parser, a string or a number of it (Jackson's parser made about 0.7 KB of objects per answer), yet checks
 * what it passes over as Jackson's parser with the request path's settings does, so that the same bodies count as
 * malformed: strict JSON (no comments, single quotes, trailing commas, leading zeros or unescaped control
 * characters), well-formed UTF-8 lead and continuation bytes, and Jackson's default limits on nesting (500), number
 * length (1000 digits) and name length (50,000 bytes). As with the parser, nothing after the usage object is read.
 * Not thread-safe: one scanner per answer.
 */
final class UsageScanner {

    private static final int MAX_DEPTH = 500;
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final int MAX_NAME_LENGTH = 50_000;

    /** The bytes a string passes over as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    private final byte[] in;
    private int pos;
    private int depth;
    /** The last name read: its bytes are {@code in[nameStart, nameEnd)}; escaped, when they hold a backslash. */
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;

    private UsageScanner(byte[] in) {
        this.in = in;
    }

    static Parsed parse(byte[] json) {
        try {
            return new UsageScanner(json).answer();
        } catch (Malformed e) {
            return Parsed.MALFORMED;
        }
    }

    private Parsed answer() {
        if (in.length >= 3 && in[0] == (byte) 0xEF && in[1] == (byte) 0xBB && in[2] == (byte) 0xBF) {
            pos = 3; // a UTF-8 byte order mark, which Jackson passes over
        }
        if (nonSpace() != '{') {
            return Parsed.MALFORMED;
        }
        depth = 1;
        int next = nonSpace();
        if (next == '}') {
            return Parsed.NO_USAGE;
        }
        while (true) {
            name(next);
            expect(':');
            int value = nonSpace();
            if (value == '{' && nameIs(UsageField.USAGE)) {
                return new Parsed(Optional.of(usage()), false);
            }
            skipValue(value);
            next = nonSpace();
            if (next == '}') {
                return Parsed.NO_USAGE;
            }
            if (next != ',') {
                throw Malformed.INSTANCE;
            }
            next = nonSpace();
        }
    }

    /** The usage object's fields; the scanner stands after its opening brace. */
    private TokenUsage usage() {
        enter();
        long prompt = 0;
        long completion = 0;
        long cached = 0;
        long reasoning = 0;
        int next = nonSpace();
        if (next != '}') {
            while (true) {
                name(next);
                expect(':');
                UsageField field = UsageField.named(in, nameStart, nameEnd, nameEscaped);
                int value = nonSpace();
                switch (field) {
                    case PROMPT -> prompt = count(value);
                    case COMPLETION -> completion = count(value);
                    case PROMPT_DETAILS -> cached = detail(value, UsageField.CACHED);
                    case COMPLETION_DETAILS -> reasoning = detail(value, UsageField.REASONING);
                    case null, default -> skipValue(value);
                }
                next = nonSpace();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw Malformed.INSTANCE;
                }
                next = nonSpace();
            }
        }
        depth--;
        return new TokenUsage(prompt, completion, Math.min(cached, prompt), Math.min(reasoning, completion));
    }

    /** A details object's one count that matters; 0 when it is missing or the value is no object. */
    private long detail(int value, UsageField wanted) {
        if (value != '{') {
            skipValue(value);
            return 0;
        }
        enter();
        long found = 0;
        int next = nonSpace();
        if (next != '}') {
            while (true) {
                name(next);
                expect(':');
                boolean counted = UsageField.named(in, nameStart, nameEnd, nameEscaped) == wanted;
                int inner = nonSpace();
                if (counted) {
                    found = count(inner);
                } else {
                    skipValue(inner);
                }
                next = nonSpace();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw Malformed.INSTANCE;
                }
                next = nonSpace();
            }
        }
        depth--;
        return found;
    }

    /**
     * A whole number of tokens; a negative one, a fraction or any other kind of value counts 0. A whole number beyond
     * a {@code long} is malformed, as Jackson's {@code getLongValue} refuses it.
     */
    private long count(int first) {
        if (first != '-' && !isDigit(first)) {
            skipValue(first);
            return 0;
        }
        int start = first == '-' ? pos : pos - 1;
        if (!skipNumber(first)) {
            return 0;
        }
        // accumulated negative, as Long.parseLong does, so that Long.MIN_VALUE fits
        long limit = first == '-' ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long value = 0;
        for (int i = start; i < pos; i++) {
            int digit = in[i] - '0';
            if (value < limit / 10 || value * 10 < limit + digit) {
                throw Malformed.INSTANCE;
            }
            value = value * 10 - digit;
        }
        return first == '-' ? 0 : -value;
    }

    /** Passes over the value whose first byte was {@code first}. */
    private void skipValue(int first) {
        switch (first) {
            case '"' -> skipString();
            case '{' -> skipObject();
            case '[' -> skipArray();
            case 't' -> literal("rue");
            case 'f' -> literal("alse");
            case 'n' -> literal("ull");
            default -> {
                if (first != '-' && !isDigit(first)) {
                    throw Malformed.INSTANCE;
                }
                skipNumber(first);
            }
        }
    }

    private void skipObject() {
        enter();
        int next = nonSpace();
        if (next != '}') {
            while (true) {
                name(next);
                expect(':');
                skipValue(nonSpace());
                next = nonSpace();
                if (next == '}') {
                    break;
                }
                if (next != ',') {
                    throw Malformed.INSTANCE;
                }
                next = nonSpace();
            }
        }
        depth--;
    }

    private void skipArray() {
        enter();
        int next = nonSpace();
        if (next != ']') {
            while (true) {
                skipValue(next);
                next = nonSpace();
                if (next == ']') {
                    break;
                }
                if (next != ',') {
                    throw Malformed.INSTANCE;
                }
                next = nonSpace();
            }
        }
        depth--;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Malformed.INSTANCE;
        }
    }

    /** A property name, whose opening quote was {@code first}. */
    private void name(int first) {
        if (first != '"') {
            throw Malformed.INSTANCE;
        }
        nameStart = pos;
        nameEscaped = skipString();
        nameEnd = pos - 1;
        if (nameEnd - nameStart > MAX_NAME_LENGTH) {
            throw Malformed.INSTANCE;
        }
    }

    private boolean nameIs(UsageField field) {
        return nameEscaped ? UsageField.named(in, nameStart, nameEnd, true) == field
                : field.is(in, nameStart, nameEnd);
    }

    /** Passes over a string after its opening quote, up to and with its closing one; whether it held an escape. */
    private boolean skipString() {
        byte[] bytes = in;
        boolean escaped = false;
        while (true) {
            int at = pos;
            // most of an answer is the text of strings: its plain bytes are passed over in this loop alone
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
                continuations(b);
            }
        }
    }

    private void escape() {
        int b = next();
        switch (b) {
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

    /** The continuation bytes a UTF-8 lead byte announces (Jackson checks no more than that). */
    private void continuations(int lead) {
        int count = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : -1;
        if (count < 0) {
            throw Malformed.INSTANCE;
        }
        for (int i = 0; i < count; i++) {
            if ((next() & 0xC0) != 0x80) {
                throw Malformed.INSTANCE;
            }
        }
    }

    /**
     * Passes over a number as JSON writes it ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}); whether it was
     * whole (no fraction, no exponent).
     */
    private boolean skipNumber(int first) {
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

    private int digits() {
        int count = 0;
        while (isDigit(peek())) {
            pos++;
            count++;
        }
        return count;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** The rest of {@code true}, {@code false} or {@code null}; what follows is the container's to check. */
    private void literal(String rest) {
        for (int i = 0; i < rest.length(); i++) {
            if (next() != rest.charAt(i)) {
                throw Malformed.INSTANCE;
            }
        }
    }

    private void expect(int wanted) {
        if (nonSpace() != wanted) {
            throw Malformed.INSTANCE;
        }
    }

    /** The next byte that is not JSON whitespace, consumed. */
    private int nonSpace() {
        while (true) {
            int b = next();
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b;
            }
        }
    }

    /** The next byte, consumed; the end of the body is malformed. */
    private int next() {
        if (pos >= in.length) {
            throw Malformed.INSTANCE;
        }
        return in[pos++] & 0xFF;
    }

    /** The next byte without consuming it; -1 at the end. */
    private int peek() {
        return pos < in.length ? in[pos] & 0xFF : -1;
    }

    /** The body is not the JSON it should be; one instance, without a stack trace, as it is control flow here. */
    private static final class Malformed extends RuntimeException {

        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }
}
