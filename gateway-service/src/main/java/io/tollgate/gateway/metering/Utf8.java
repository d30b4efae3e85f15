package io.tollgate.gateway.metering;

/**
 * UTF-8 as {@code String.getBytes(UTF_8)} writes it (a lone surrogate becomes '?'), into an array the caller owns:
 * the token counter's pieces, the journal's records and the COPY rows are written without an array per string.
 */
final class Utf8 {

    /** Bytes that {@code end - start} chars take at most: three each (a surrogate pair takes four for its two). */
    static final int MAX_BYTES_PER_CHAR = 3;

    private Utf8() {
    }

    /** The UTF-8 length of {@code text[start, end)}. */
    static long length(String text, int start, int end) {
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

    /**
     * Writes {@code text[start, end)} at {@code out[at]}, which has room for {@link #MAX_BYTES_PER_CHAR} bytes a char;
     * returns the index after the last byte written.
     */
    static int encode(String text, int start, int end, byte[] out, int at) {
        int size = at;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[size++] = (byte) c;
            } else if (c < 0x800) {
                out[size++] = (byte) (0xc0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int point = Character.toCodePoint(c, text.charAt(++i));
                    out[size++] = (byte) (0xf0 | point >> 18);
                    out[size++] = (byte) (0x80 | point >> 12 & 0x3f);
                    out[size++] = (byte) (0x80 | point >> 6 & 0x3f);
                    out[size++] = (byte) (0x80 | point & 0x3f);
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
}
