package io.tollgate.gateway.metering;

/**
 * o200k_base's split of text into pieces, done by hand on the text's UTF-8 bytes instead of by the encoding's regular
 * expression on a string: alternative by alternative, with java.util.regex's semantics (first alternative that matches
 * wins, greedy runs give back what the next part needs, Unicode classes as with {@code UNICODE_CHARACTER_CLASS}).
 * Positions are byte offsets, each at the start of a character. The text must be well-formed UTF-8 (a request body's
 * strings are checked as they are read; a string's own encoding is). Not thread-safe: one per thread, set to a text
 * with {@link #reset}.
 */
final class O200kSplit {

    private static final int LETTER = 1;
    private static final int NUMBER = 1 << 1;
    private static final int SPACE = 1 << 2;
    private static final int LINE_BREAK = 1 << 3;
    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}: what may open a word. */
    private static final int UPPER = 1 << 4;
    /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}: what may continue it. */
    private static final int LOWER = 1 << 5;
    private static final int[] ASCII = new int[128];
    private static final byte[] NO_TEXT = new byte[0];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = classify(c);
        }
    }

    private byte[] text = NO_TEXT;
    /** Where the text ends in {@link #text}. */
    private int limit;

    /** Splits {@code text} up to {@code limit}. */
    void reset(byte[] text, int limit) {
        this.text = text;
        this.limit = limit;
    }

    /** Lets go of the text, so that a thread's splitter does not keep the last body it split. */
    void release() {
        reset(NO_TEXT, 0);
    }

    /** The end of the piece that starts at {@code start}: one method per alternative of the pattern, in its order. */
    int pieceEnd(int start) {
        int end;
        if ((end = word(start, true)) >= 0 || (end = word(start, false)) >= 0
                || (end = digits(start)) >= 0 || (end = symbols(start)) >= 0
                || (end = lineBreaks(start)) >= 0 || (end = spacesBeforeWord(start)) >= 0
                || (end = spaces(start)) >= 0) {
            return end;
        }
        return next(start);
    }

    /**
     * {@code [^\r\n\p{L}\p{N}]?[UPPER]*[LOWER]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?} when {@code lowerFirst}, else
     * {@code [^\r\n\p{L}\p{N}]?[UPPER]+[LOWER]*(?i:...)?}: the optional lead character is tried taken, then not.
     */
    private int word(int start, boolean lowerFirst) {
        if ((flags(start) & (LINE_BREAK | LETTER | NUMBER)) == 0 && next(start) < limit) {
            int end = lowerFirst ? casedWord(next(start)) : capitalWord(next(start));
            if (end >= 0) {
                return contraction(end);
            }
        }
        int end = lowerFirst ? casedWord(start) : capitalWord(start);
        return end >= 0 ? contraction(end) : -1;
    }

    /** {@code [UPPER]*[LOWER]+}: the greedy upper run gives back characters until a lower one can follow. */
    private int casedWord(int start) {
        int upperEnd = start;
        int lastLower = -1;
        while (upperEnd < limit) {
            int flags = flags(upperEnd);
            if ((flags & UPPER) == 0) {
                break;
            }
            if ((flags & LOWER) != 0) {
                lastLower = upperEnd;
            }
            upperEnd = next(upperEnd);
        }
        if (upperEnd < limit && (flags(upperEnd) & LOWER) != 0) {
            return run(upperEnd, LOWER);
        }
        return lastLower >= 0 ? next(lastLower) : -1;
    }

    /** {@code [UPPER]+[LOWER]*}. */
    private int capitalWord(int start) {
        int upperEnd = run(start, UPPER);
        return upperEnd == start ? -1 : run(upperEnd, LOWER);
    }

    /** {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)?} after a word ending at {@code end}. */
    private int contraction(int end) {
        if (end + 1 >= limit || text[end] != '\'') {
            return end;
        }
        int first = codePoint(end + 1);
        int afterFirst = next(end + 1);
        if (sameLetter(first, 's') || sameLetter(first, 't') || sameLetter(first, 'm') || sameLetter(first, 'd')) {
            return afterFirst;
        }
        if (afterFirst < limit) {
            int second = codePoint(afterFirst);
            if (sameLetter(first, 'r') && sameLetter(second, 'e') || sameLetter(first, 'v') && sameLetter(second, 'e')
                    || sameLetter(first, 'l') && sameLetter(second, 'l')) {
                return next(afterFirst);
            }
        }
        return end;
    }

    /** Case-insensitive as java.util.regex compares with Unicode case (so the long s, U+017F, is an s). */
    private static boolean sameLetter(int c, char lower) {
        return c == lower || Character.toLowerCase(Character.toUpperCase(c)) == lower;
    }

    /** {@code \p{N}{1,3}}. */
    private int digits(int start) {
        int end = start;
        for (int i = 0; i < 3 && end < limit && (flags(end) & NUMBER) != 0; i++) {
            end = next(end);
        }
        return end == start ? -1 : end;
    }

    /** {@code  ?[^\s\p{L}\p{N}]+[\r\n/]*}. */
    private int symbols(int start) {
        int from = text[start] == ' ' ? start + 1 : start;
        if (from >= limit || !isSymbol(flags(from))) {
            return -1;
        }
        int end = from;
        while (end < limit && isSymbol(flags(end))) {
            end = next(end);
        }
        while (end < limit && (text[end] == '\r' || text[end] == '\n' || text[end] == '/')) {
            end++;
        }
        return end;
    }

    /** {@code \s*[\r\n]+}: the whitespace run up to its last line break. */
    private int lineBreaks(int start) {
        int end = -1;
        for (int i = start; i < limit && (flags(i) & SPACE) != 0; i = next(i)) {
            if ((flags(i) & LINE_BREAK) != 0) {
                end = i + 1;
            }
        }
        return end;
    }

    /** {@code \s+(?!\S)}: a whitespace run, less its last character when a word follows (that one leads the word). */
    private int spacesBeforeWord(int start) {
        int end = run(start, SPACE);
        if (end == start) {
            return -1;
        }
        if (end == limit) {
            return end;
        }
        int last = previous(end);
        return last > start ? last : -1;
    }

    /** {@code \s+}. */
    private int spaces(int start) {
        int end = run(start, SPACE);
        return end == start ? -1 : end;
    }

    private static boolean isSymbol(int flags) {
        return (flags & (SPACE | LETTER | NUMBER)) == 0;
    }

    private int run(int start, int flag) {
        int end = start;
        while (end < limit && (flags(end) & flag) != 0) {
            end = next(end);
        }
        return end;
    }

    /** Where the character after the one at {@code at} starts: its lead byte gives its length. */
    private int next(int at) {
        int lead = text[at] & 0xFF;
        return at + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4);
    }

    /** Where the character before {@code at} starts: back over continuation bytes. */
    private int previous(int at) {
        int start = at - 1;
        while ((text[start] & 0xC0) == 0x80) {
            start--;
        }
        return start;
    }

    private int flags(int at) {
        int lead = text[at] & 0xFF;
        return lead < 0x80 ? ASCII[lead] : classify(codePoint(at));
    }

    private int codePoint(int at) {
        int lead = text[at] & 0xFF;
        if (lead < 0x80) {
            return lead;
        }
        if (lead < 0xE0) {
            return (lead & 0x1F) << 6 | text[at + 1] & 0x3F;
        }
        if (lead < 0xF0) {
            return (lead & 0x0F) << 12 | (text[at + 1] & 0x3F) << 6 | text[at + 2] & 0x3F;
        }
        return (lead & 0x07) << 18 | (text[at + 1] & 0x3F) << 12 | (text[at + 2] & 0x3F) << 6 | text[at + 3] & 0x3F;
    }

    private static int classify(int codePoint) {
        int flags = switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> LETTER | UPPER;
            case Character.LOWERCASE_LETTER -> LETTER | LOWER;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER | UPPER | LOWER;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK ->
                    UPPER | LOWER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> SPACE;
            default -> 0;
        };
        if (codePoint >= 0x09 && codePoint <= 0x0d || codePoint == 0x85) {
            flags |= SPACE;
        }
        if (codePoint == '\r' || codePoint == '\n') {
            flags |= LINE_BREAK;
        }
        return flags;
    }
}
