package io.tollgate.gateway.json;

import io.tollgate.gateway.json.JsonCursor.DuplicateKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of the objects a {@link JsonCursor} is in, to refuse a key named twice in one object (the gateway and the
 * upstream could read different values). Keys are compared as the strings they decode to. An object's first keys are
 * kept as ranges of the body and compared one by one, which makes nothing; past {@value #KEPT_AS_RANGES} keys an object
 * has a set of strings, so that a body of many keys costs no more than its size.
 */
final class ObjectKeys {

    private static final int KEPT_AS_RANGES = 16;
    private static final int LARGEST_KEPT = 1024;

    private byte[] in = new byte[0];
    /** Per key, as a stack: its range, its hash, and its string when it had escapes. */
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] hashes = new int[64];
    private @Nullable String[] decoded = new String[64];
    private int top;
    /** Per open object: where its keys start, and its set once it has many. */
    private int[] firstKeys = new int[16];
    private @Nullable Set<?>[] sets = new Set<?>[16];
    private int objects;

    void reset(byte[] body) {
        in = body;
        Arrays.fill(decoded, 0, top, null);
        Arrays.fill(sets, 0, objects, null);
        top = 0;
        objects = 0;
        if (starts.length > LARGEST_KEPT) {
            starts = new int[64];
            ends = new int[64];
            hashes = new int[64];
            decoded = new String[64];
        }
        if (firstKeys.length > LARGEST_KEPT) {
            firstKeys = new int[16];
            sets = new Set<?>[16];
        }
    }

    void open() {
        if (objects == firstKeys.length) {
            firstKeys = Arrays.copyOf(firstKeys, objects * 2);
            sets = Arrays.copyOf(sets, objects * 2);
        }
        firstKeys[objects] = top;
        sets[objects] = null;
        objects++;
    }

    void close() {
        objects--;
        sets[objects] = null;
        Arrays.fill(decoded, firstKeys[objects], top, null);
        top = firstKeys[objects];
    }

    /** A key of the innermost open object, {@code in[start, end)}; refused when the object has it already. */
    void add(int start, int end, boolean escaped) {
        String text = escaped ? Utf8Text.unescaped(in, start, end) : null;
        int object = objects - 1;
        @SuppressWarnings("unchecked")
        Set<String> set = (Set<String>) sets[object];
        if (set != null) {
            if (!set.add(text != null ? text : string(start, end))) {
                throw DuplicateKey.INSTANCE;
            }
            return;
        }
        int hash = text == null ? hash(in, start, end) : hash(text);
        int first = firstKeys[object];
        for (int i = first; i < top; i++) {
            if (hashes[i] == hash && same(i, start, end, text)) {
                throw DuplicateKey.INSTANCE;
            }
        }
        if (top - first == KEPT_AS_RANGES) {
            var many = new HashSet<String>();
            for (int i = first; i < top; i++) {
                many.add(stringOf(i));
            }
            many.add(text != null ? text : string(start, end));
            Arrays.fill(decoded, first, top, null);
            top = first;
            sets[object] = many;
            return;
        }
        push(start, end, hash, text);
    }

    private void push(int start, int end, int hash, @Nullable String text) {
        if (top == starts.length) {
            starts = Arrays.copyOf(starts, top * 2);
            ends = Arrays.copyOf(ends, top * 2);
            hashes = Arrays.copyOf(hashes, top * 2);
            decoded = Arrays.copyOf(decoded, top * 2);
        }
        starts[top] = start;
        ends[top] = end;
        hashes[top] = hash;
        decoded[top] = text;
        top++;
    }

    private boolean same(int key, int start, int end, @Nullable String text) {
        if (text == null && decoded[key] == null) {
            return Arrays.equals(in, starts[key], ends[key], in, start, end);
        }
        return stringOf(key).equals(text != null ? text : string(start, end));
    }

    private String stringOf(int key) {
        String text = decoded[key];
        return text != null ? text : string(starts[key], ends[key]);
    }

    private String string(int start, int end) {
        return new String(in, start, end - start, StandardCharsets.UTF_8);
    }

    /** The hash of a key's UTF-8 bytes: a plain key's range and the same key written with escapes hash alike. */
    static int hash(byte[] bytes, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = hash * 31 + bytes[i];
        }
        return hash;
    }

    private static int hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return hash(bytes, 0, bytes.length);
    }
}
