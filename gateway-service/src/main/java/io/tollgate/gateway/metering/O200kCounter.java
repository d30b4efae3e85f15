package io.tollgate.gateway.metering;

/**
 * Counts o200k_base tokens of a text like jtokkit does, several times faster: the text is split into pieces by hand
 * instead of by the encoding's regular expression, and each piece's byte-pair merges look their ranks up in a flat
 * table without building a key per lookup.
 *
 * <p>The split follows the regular expression exactly, alternative by alternative, with java.util.regex's
 * semantics (first alternative that matches wins, greedy runs give back what the next part needs, Unicode classes
 * as with {@code UNICODE_CHARACTER_CLASS}); {@code O200kCounterTest} compares both on random text from every
 * character class.
 *
 * <p>The cost is bounded by the text's length, whatever the text: the split is linear, a piece of up to
 * {@link #LONGEST_PIECE} bytes (nearly every piece of real text) is merged by a simple quadratic loop, a longer one up
 * to {@link #LONGEST_EXACT_PIECE} bytes by a heap in O(n log n), and a piece longer still (one run of a single character
 * class over 1 KiB: a blob, hardly ever prose) is not merged but counted as one token per byte, an upper bound, since a
 * token is at least one byte. Before, such a piece went to jtokkit, and one 4 MB word cost seconds of CPU.
 */
final class O200kCounter {

    private static final int LETTER = 1;
    private static final int NUMBER = 1 << 1;
    private static final int SPACE = 1 << 2;
    private static final int LINE_BREAK = 1 << 3;
    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}: what may open a word. */
    private static final int UPPER = 1 << 4;
    /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}: what may continue it. */
    private static final int LOWER = 1 << 5;
    private static final int[] ASCII = new int[128];

    /** Longest piece, in UTF-8 bytes, merged by the quadratic loop; longer ones are rare (runs of one class). */
    static final int LONGEST_PIECE = 256;
    /** Longest piece, in UTF-8 bytes, merged exactly; longer ones count one token per byte. */
    static final int LONGEST_EXACT_PIECE = 1024;
    private static final int MERGED = Integer.MAX_VALUE;

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = classify(c);
        }
    }

    /** Pieces of up to this many UTF-8 bytes (most words, with their leading space) have their counts remembered. */
    private static final int REMEMBERED_PIECE = 8;
    private static final int REMEMBERED_BITS = 12;

    private final RankTable ranks;
    /** Each thread's scratch, as counting is on every request's path; the short pieces' counts are this table's. */
    private final ThreadLocal<Scratch> scratches = ThreadLocal.withInitial(Scratch::new);

    O200kCounter(RankTable ranks) {
        this.ranks = ranks;
    }

    int count(String text) {
        var scratch = scratches.get();
        byte[] bytes = scratch.piece;
        long tokens = 0;
        for (int start = 0, length = text.length(); start < length; ) {
            int end = pieceEnd(text, start);
            int size = utf8(text, start, end, bytes);
            if (size < 0) {
                tokens += utf8Length(text, start, end);
            } else if (size > LONGEST_EXACT_PIECE) {
                tokens += size;
            } else if (size <= REMEMBERED_PIECE) {
                tokens += shortPiece(scratch, size);
            } else {
                tokens += size <= LONGEST_PIECE ? tokens(scratch, size) : HeapMerge.tokens(ranks, bytes, size);
            }
            start = end;
        }
        return (int) Math.min(tokens, Integer.MAX_VALUE);
    }

    // ---- the split: one method per alternative of o200k_base's pattern, tried in its order ----------------------

    static int pieceEnd(String text, int start) {
        int end;
        if ((end = word(text, start, true)) >= 0 || (end = word(text, start, false)) >= 0
                || (end = digits(text, start)) >= 0 || (end = symbols(text, start)) >= 0
                || (end = lineBreaks(text, start)) >= 0 || (end = spacesBeforeWord(text, start)) >= 0
                || (end = spaces(text, start)) >= 0) {
            return end;
        }
        return next(text, start);
    }

    /**
     * {@code [^\r\n\p{L}\p{N}]?[UPPER]*[LOWER]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?} when {@code lowerFirst}, else
     * {@code [^\r\n\p{L}\p{N}]?[UPPER]+[LOWER]*(?i:...)?}: the optional lead character is tried taken, then not.
     */
    private static int word(String text, int start, boolean lowerFirst) {
        if ((flags(text, start) & (LINE_BREAK | LETTER | NUMBER)) == 0 && next(text, start) < text.length()) {
            int end = lowerFirst ? casedWord(text, next(text, start)) : capitalWord(text, next(text, start));
            if (end >= 0) {
                return contraction(text, end);
            }
        }
        int end = lowerFirst ? casedWord(text, start) : capitalWord(text, start);
        return end >= 0 ? contraction(text, end) : -1;
    }

    /** {@code [UPPER]*[LOWER]+}: the greedy upper run gives back characters until a lower one can follow. */
    private static int casedWord(String text, int start) {
        int length = text.length();
        int upperEnd = start;
        int lastLower = -1;
        while (upperEnd < length) {
            int flags = flags(text, upperEnd);
            if ((flags & UPPER) == 0) {
                break;
            }
            if ((flags & LOWER) != 0) {
                lastLower = upperEnd;
            }
            upperEnd = next(text, upperEnd);
        }
        if (upperEnd < length && (flags(text, upperEnd) & LOWER) != 0) {
            return run(text, upperEnd, LOWER);
        }
        return lastLower >= 0 ? next(text, lastLower) : -1;
    }

    /** {@code [UPPER]+[LOWER]*}. */
    private static int capitalWord(String text, int start) {
        int upperEnd = run(text, start, UPPER);
        return upperEnd == start ? -1 : run(text, upperEnd, LOWER);
    }

    /** {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)?} after a word ending at {@code end}. */
    private static int contraction(String text, int end) {
        int length = text.length();
        if (end + 1 >= length || text.charAt(end) != '\'') {
            return end;
        }
        char first = text.charAt(end + 1);
        if (sameLetter(first, 's') || sameLetter(first, 't') || sameLetter(first, 'm') || sameLetter(first, 'd')) {
            return end + 2;
        }
        if (end + 2 < length) {
            char second = text.charAt(end + 2);
            if (sameLetter(first, 'r') && sameLetter(second, 'e') || sameLetter(first, 'v') && sameLetter(second, 'e')
                    || sameLetter(first, 'l') && sameLetter(second, 'l')) {
                return end + 3;
            }
        }
        return end;
    }

    /** Case-insensitive as java.util.regex compares with Unicode case (so the long s, U+017F, is an s). */
    private static boolean sameLetter(char c, char lower) {
        return c == lower || Character.toLowerCase(Character.toUpperCase(c)) == lower;
    }

    /** {@code \p{N}{1,3}}. */
    private static int digits(String text, int start) {
        int end = start;
        for (int i = 0; i < 3 && end < text.length() && (flags(text, end) & NUMBER) != 0; i++) {
            end = next(text, end);
        }
        return end == start ? -1 : end;
    }

    /** {@code  ?[^\s\p{L}\p{N}]+[\r\n/]*}. */
    private static int symbols(String text, int start) {
        int length = text.length();
        int from = start;
        if (text.charAt(start) == ' ') {
            from = start + 1;
        }
        if (from >= length || !isSymbol(flags(text, from))) {
            return -1;
        }
        int end = from;
        while (end < length && isSymbol(flags(text, end))) {
            end = next(text, end);
        }
        while (end < length && (text.charAt(end) == '\r' || text.charAt(end) == '\n' || text.charAt(end) == '/')) {
            end++;
        }
        return end;
    }

    /** {@code \s*[\r\n]+}: the whitespace run up to its last line break. */
    private static int lineBreaks(String text, int start) {
        int end = -1;
        for (int i = start; i < text.length() && (flags(text, i) & SPACE) != 0; i++) {
            if ((flags(text, i) & LINE_BREAK) != 0) {
                end = i + 1;
            }
        }
        return end;
    }

    /** {@code \s+(?!\S)}: a whitespace run, less its last character when a word follows (that one leads the word). */
    private static int spacesBeforeWord(String text, int start) {
        int end = run(text, start, SPACE);
        if (end == start) {
            return -1;
        }
        if (end == text.length()) {
            return end;
        }
        return end - 1 > start ? end - 1 : -1;
    }

    /** {@code \s+}. */
    private static int spaces(String text, int start) {
        int end = run(text, start, SPACE);
        return end == start ? -1 : end;
    }

    private static boolean isSymbol(int flags) {
        return (flags & (SPACE | LETTER | NUMBER)) == 0;
    }

    private static int run(String text, int start, int flag) {
        int end = start;
        while (end < text.length() && (flags(text, end) & flag) != 0) {
            end = next(text, end);
        }
        return end;
    }

    private static int next(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1)) ? index + 2 : index + 1;
    }

    private static int flags(String text, int index) {
        char c = text.charAt(index);
        return c < 128 ? ASCII[c] : classify(text.codePointAt(index));
    }

    private static int classify(int codePoint) {
        int flags = switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> LETTER | UPPER;
            case Character.LOWERCASE_LETTER -> LETTER | LOWER;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER | UPPER | LOWER;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> UPPER | LOWER;
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

    // ---- the merge -------------------------------------------------------------------------------------------------

    /** The bytes String.getBytes(UTF_8) gives a piece. */
    private static long utf8Length(String text, int start, int end) {
        long size = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                size++;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return size;
    }

    /** The piece as String.getBytes(UTF_8) encodes it (a lone surrogate becomes '?'); -1 if longer than the buffer. */
    private static int utf8(String text, int start, int end, byte[] out) {
        int size = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (size + 4 > out.length) {
                return -1;
            }
            if (c < 0x80) {
                out[size++] = (byte) c;
            } else if (c < 0x800) {
                out[size++] = (byte) (0xc0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    out[size++] = (byte) (0xf0 | cp >> 18);
                    out[size++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    out[size++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    out[size++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    out[size++] = '?';
                }
            } else {
                out[size++] = (byte) (0xe0 | c >> 12);
                out[size++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[size++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return size;
    }

    /**
     * A short piece's count from the thread's table of short pieces merged before, else merged and put there. The table
     * is direct-mapped, a piece keyed by its bytes packed into a long and its length, so a lookup is one probe of an
     * array that stays in the processor's cache, where a piece's lookup in the rank table of 8 MB mostly misses it.
     */
    private int shortPiece(Scratch scratch, int size) {
        byte[] piece = scratch.piece;
        long packed = 0;
        for (int i = 0; i < size; i++) {
            packed |= (piece[i] & 0xffL) << (8 * i);
        }
        int slot = (int) (((packed + size) * 0x9e3779b97f4a7c15L) >>> (64 - REMEMBERED_BITS));
        int entry = scratch.shortCounts[slot];
        if (entry >>> 8 == size && scratch.shortPieces[slot] == packed) {
            return entry & 0xff;
        }
        int count = tokens(scratch, size);
        scratch.shortPieces[slot] = packed;
        scratch.shortCounts[slot] = size << 8 | count;
        return count;
    }

    private static final class Scratch {

        /** A piece of up to LONGEST_EXACT_PIECE UTF-8 bytes; +4 for the encoder's look-ahead check. */
        final byte[] piece = new byte[LONGEST_EXACT_PIECE + 4];
        /** Short pieces' bytes, packed; their length and count in {@link #shortCounts} (0: an empty slot). */
        final long[] shortPieces = new long[1 << REMEMBERED_BITS];
        final int[] shortCounts = new int[1 << REMEMBERED_BITS];
        /** The merge's part boundaries and pair ranks, kept so that merging a piece allocates nothing. */
        final int[] starts = new int[LONGEST_PIECE + 1];
        final int[] pairRanks = new int[LONGEST_PIECE];
    }

    /**
     * Byte-pair merging as tiktoken does it: merge the adjacent pair of lowest rank (the leftmost of equals) until no
     * pair is a token; the parts left are the tokens. Most pieces are one token and need no merging.
     */
    private int tokens(Scratch scratch, int size) {
        byte[] piece = scratch.piece;
        if (size == 1 || ranks.rank(piece, 0, size) >= 0) {
            return 1;
        }
        int parts = size;
        int[] starts = scratch.starts;
        int[] pairRanks = scratch.pairRanks;
        for (int i = 0; i <= size; i++) {
            starts[i] = i;
        }
        for (int i = 0; i < parts - 1; i++) {
            pairRanks[i] = pairRank(piece, starts, i, parts);
        }
        while (parts > 1) {
            int at = -1;
            for (int i = 0, lowest = MERGED; i < parts - 1; i++) {
                if (pairRanks[i] < lowest) {
                    lowest = pairRanks[i];
                    at = i;
                }
            }
            if (at < 0) {
                break;
            }
            // part at + 1 joins part at: one boundary and one pair fewer
            System.arraycopy(starts, at + 2, starts, at + 1, parts - at - 1);
            if (at + 2 < parts - 1) {
                System.arraycopy(pairRanks, at + 2, pairRanks, at + 1, parts - at - 3);
            }
            parts--;
            pairRanks[at] = pairRank(piece, starts, at, parts);
            if (at > 0) {
                pairRanks[at - 1] = pairRank(piece, starts, at - 1, parts);
            }
        }
        return parts;
    }

    /** The rank of parts {@code i} and {@code i + 1} joined, or MERGED when that is no token. */
    private int pairRank(byte[] piece, int[] starts, int i, int parts) {
        if (i + 1 >= parts) {
            return MERGED;
        }
        int rank = ranks.rank(piece, starts[i], starts[i + 2] - starts[i]);
        return rank < 0 ? MERGED : rank;
    }
}
