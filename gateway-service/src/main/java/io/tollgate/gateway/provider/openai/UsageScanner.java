package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.json.JsonBytes;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the top-level {@code usage} of a whole answer straight from its bytes. It passes over everything else without
 * making a parser, a string or a number of it (Jackson's parser made about 0.8 KB of objects per answer), yet checks
 * what it passes over as {@link JsonBytes} does, so that a body Jackson's parser refused is still malformed. As with
 * that parser, nothing after the usage object is read. One scanner per answer.
 */
final class UsageScanner extends JsonBytes {

    private int depth;
    /** The last name read: its bytes, {@code in[nameStart, nameEnd)}, and whether they hold an escape. */
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;

    private UsageScanner(byte[] json) {
        start(json);
    }

    static Parsed parse(byte[] json) {
        try {
            return new UsageScanner(json).answer();
        } catch (Malformed e) {
            return Parsed.MALFORMED;
        }
    }

    private Parsed answer() {
        if (nextNonSpace() != '{') {
            return Parsed.MALFORMED;
        }
        for (int value = firstMember(); value >= 0; value = nextMember()) {
            if (value == '{' && field() == UsageField.USAGE) {
                return new Parsed(Optional.of(usage()), false);
            }
            skipValue(value);
        }
        return Parsed.NO_USAGE;
    }

    /** The usage object's fields; the scanner stands after its opening brace. */
    private TokenUsage usage() {
        long prompt = 0;
        long completion = 0;
        long cached = 0;
        long reasoning = 0;
        for (int value = firstMember(); value >= 0; value = nextMember()) {
            switch (field()) {
                case PROMPT -> prompt = count(value);
                case COMPLETION -> completion = count(value);
                case PROMPT_DETAILS -> cached = detail(value, UsageField.CACHED);
                case COMPLETION_DETAILS -> reasoning = detail(value, UsageField.REASONING);
                case null, default -> skipValue(value);
            }
        }
        return new TokenUsage(prompt, completion, Math.min(cached, prompt), Math.min(reasoning, completion));
    }

    /** A details object's one count that matters; 0 when it is missing or the value is no object. */
    private long detail(int value, UsageField wanted) {
        if (value != '{') {
            skipValue(value);
            return 0;
        }
        long found = 0;
        for (int inner = firstMember(); inner >= 0; inner = nextMember()) {
            if (field() == wanted) {
                found = count(inner);
            } else {
                skipValue(inner);
            }
        }
        return found;
    }

    /** A whole number of tokens; a negative one, a fraction or any other kind of value counts 0. */
    private long count(int first) {
        if (first != '-' && !isDigit(first)) {
            skipValue(first);
            return 0;
        }
        int start = pos - 1;
        return scanNumber(first) ? Math.max(0, wholeNumber(start, pos, false)) : 0;
    }

    /** Passes over the value whose first byte was {@code first}. */
    private void skipValue(int first) {
        switch (first) {
            case '"' -> scanString();
            case '{' -> {
                for (int value = firstMember(); value >= 0; value = nextMember()) {
                    skipValue(value);
                }
            }
            case '[' -> skipArray();
            case 't' -> literal("rue");
            case 'f' -> literal("alse");
            case 'n' -> literal("ull");
            default -> {
                if (first != '-' && !isDigit(first)) {
                    throw Malformed.INSTANCE;
                }
                scanNumber(first);
            }
        }
    }

    private void skipArray() {
        enter();
        int next = nextNonSpace();
        while (next != ']') {
            skipValue(next);
            next = nextNonSpace();
            if (next == ',') {
                next = nextNonSpace();
                if (next == ']') {
                    throw Malformed.INSTANCE;
                }
            } else if (next != ']') {
                throw Malformed.INSTANCE;
            }
        }
        depth--;
    }

    /**
     * After an object's opening brace: its first member's name and colon are read, and its value's first byte is
     * returned (consumed); -1 when the object is empty.
     */
    private int firstMember() {
        enter();
        int next = nextNonSpace();
        if (next == '}') {
            depth--;
            return -1;
        }
        return member(next);
    }

    /** After a member's value: the next member as {@link #firstMember}, or -1 at the object's end. */
    private int nextMember() {
        int next = nextNonSpace();
        if (next == '}') {
            depth--;
            return -1;
        }
        if (next != ',') {
            throw Malformed.INSTANCE;
        }
        return member(nextNonSpace());
    }

    private int member(int quote) {
        if (quote != '"') {
            throw Malformed.INSTANCE;
        }
        nameStart = pos;
        nameEscaped = scanName();
        nameEnd = pos - 1;
        if (nextNonSpace() != ':') {
            throw Malformed.INSTANCE;
        }
        return nextNonSpace();
    }

    /** The usage field the last name is, or null. */
    private @Nullable UsageField field() {
        return nameEscaped ? UsageField.named(text(nameStart, nameEnd, true))
                : UsageField.named(in, nameStart, nameEnd);
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Malformed.INSTANCE;
        }
    }
}
