package io.tollgate.gateway.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Strings of one JSON body kept as where they are in its bytes, not as {@link String}s: a request's prompt is read
 * for its size and its remembered token counts, which the bytes give, and decoded only when its tokens must be
 * counted. Holds the body's array, so the body must not be reused while these strings are.
 */
public final class JsonStrings {

    private static final byte[] NO_BYTES = new byte[0];

    private final byte[] bytes;
    /** Per string, its start and end in {@link #bytes}; the end as {@code ~end} when the string holds escapes. */
    private int[] spans;
    private int size;

    private JsonStrings(byte[] bytes, int capacity) {
        this.bytes = bytes;
        this.spans = new int[capacity * 2];
    }

    /** No strings yet, of the body the cursor reads: they are added as it stands on them. */
    public static JsonStrings in(JsonCursor cursor) {
        return new JsonStrings(cursor.in, 4);
    }

    /** These strings, as if read from a body (their UTF-8, without escapes). */
    public static JsonStrings of(List<String> strings) {
        byte[][] encoded = new byte[strings.size()][];
        int length = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
            length += encoded[i].length;
        }
        var all = new JsonStrings(length == 0 ? NO_BYTES : new byte[length], encoded.length);
        int at = 0;
        for (byte[] string : encoded) {
            System.arraycopy(string, 0, all.bytes, at, string.length);
            all.add(at, at + string.length, false);
            at += string.length;
        }
        return all;
    }

    /** Adds the string value the cursor stands on; the cursor reads this body. */
    public void addCurrent(JsonCursor cursor) {
        if (cursor.in != bytes) {
            throw new IllegalArgumentException("the cursor reads another body");
        }
        cursor.finishStringValue();
        add(cursor.textStart(), cursor.textEnd(), cursor.textEscaped());
    }

    private void add(int start, int end, boolean escaped) {
        if (size * 2 == spans.length) {
            spans = Arrays.copyOf(spans, Math.max(8, spans.length * 2));
        }
        spans[size * 2] = start;
        spans[size * 2 + 1] = escaped ? ~end : end;
        size++;
    }

    /** Whether the {@code i}th string is empty. */
    public boolean isEmpty(int i) {
        return writtenLength(i) == 0;
    }

    public int size() {
        return size;
    }

    /** The {@code i}th string, decoded. */
    public String get(int i) {
        return Utf8Text.string(bytes, start(i), end(i), escaped(i));
    }

    public List<String> all() {
        var all = new ArrayList<String>(size);
        for (int i = 0; i < size; i++) {
            all.add(get(i));
        }
        return all;
    }

    /**
     * What {@code reader} makes of the {@code i}th string's UTF-8, decoded: read in the body's own bytes when the
     * string holds no escapes, else in a decoded copy (an escaped lone surrogate is '?' there, as in a string's UTF-8).
     */
    public int readUtf8(int i, Utf8Reader reader) {
        if (!escaped(i)) {
            return reader.read(bytes, start(i), end(i));
        }
        byte[] decoded = get(i).getBytes(StandardCharsets.UTF_8);
        return reader.read(decoded, 0, decoded.length);
    }

    /** The length of the {@code i}th string as the body writes it, escapes and all: at least its UTF-8 length. */
    public int writtenLength(int i) {
        return end(i) - start(i);
    }

    /**
     * The UTF-8 length of the {@code i}th string, decoded; an escaped UTF-16 surrogate counts 3 bytes, so an escaped
     * pair is over-counted by 2.
     */
    public int utf8Length(int i) {
        return escaped(i) ? Utf8Text.unescapedLength(bytes, start(i), end(i)) : writtenLength(i);
    }

    /** The {@code i}th string's key: equal for strings of equal bytes (escapes included), in this body or another. */
    public Key key(int i) {
        return new Key(bytes, start(i), end(i), escaped(i));
    }

    private int start(int i) {
        return spans[i * 2];
    }

    private int end(int i) {
        int end = spans[i * 2 + 1];
        return end < 0 ? ~end : end;
    }

    private boolean escaped(int i) {
        return spans[i * 2 + 1] < 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonStrings strings && all().equals(strings.all());
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return all().toString();
    }

    /** Reads UTF-8 text, {@code utf8[from, to)}. */
    @FunctionalInterface
    public interface Utf8Reader {

        int read(byte[] utf8, int from, int to);
    }

    /**
     * A string by its bytes, for a map: a key into a body, to look up with, or {@link #kept} for an entry, which does
     * not hold the body.
     */
    public static final class Key {

        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);

        private final byte[] bytes;
        private final int start;
        private final int end;
        private final boolean escaped;
        private final int hash;

        private Key(byte[] bytes, int start, int end, boolean escaped) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.escaped = escaped;
            this.hash = hash(bytes, start, end) ^ (escaped ? 0x5bd1e995 : 0);
        }

        /** This key with its own copy of the bytes. */
        public Key kept() {
            return start == 0 && end == bytes.length ? this
                    : new Key(Arrays.copyOfRange(bytes, start, end), 0, end - start, escaped);
        }

        /** The bytes the key holds, for a cache's weight. */
        public int length() {
            return end - start;
        }

        /** Eight bytes at a time, each word mixed in with a multiply and a rotation; the rest one by one. */
        private static int hash(byte[] bytes, int start, int end) {
            long h = 0x9E3779B97F4A7C15L ^ (end - start);
            int at = start;
            for (; at + Long.BYTES <= end; at += Long.BYTES) {
                h = Long.rotateLeft((h ^ (long) LONGS.get(bytes, at)) * 0xBF58476D1CE4E5B9L, 31);
            }
            for (; at < end; at++) {
                h = (h ^ bytes[at]) * 0x94D049BB133111EBL;
            }
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            return (int) (h ^ h >>> 32);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.escaped == escaped
                    && Arrays.equals(bytes, start, end, key.bytes, key.start, key.end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
