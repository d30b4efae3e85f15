package io.tollgate.gateway.metering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A byte-pair encoding's tokens and their ranks, looked up by a slice of a byte array: the tokens' bytes are kept end
 * to end in one array and found through an open-addressing table, so a lookup allocates nothing.
 */
final class RankTable {

    /** The o200k_base ranks that ship inside jtokkit (one "base64-token rank" line each). */
    static final String O200K_BASE = "/com/knuddels/jtokkit/o200k_base.tiktoken";

    /** The first bytes of a token, packed into a long: most tokens are that short and compare in one step. */
    private static final int HEAD_BYTES = 8;
    private static final long LENGTH_BITS = 0xff;
    /** No token of the table is longer, in bytes: a longer slice needs no lookup. */
    static final int LONGEST_TOKEN = (int) LENGTH_BITS;
    private static final long RANK_BITS = 0xff_ffffL;

    private final byte[] bytes;
    /**
     * Two longs per slot, side by side so that a lookup of a short token touches one cache line: its head, and its
     * length (bits 0-7, 0 for an empty slot), rank (8-31) and offset in {@code bytes} (32-63). Linear probing.
     */
    private final long[] slots;
    private final int mask;
    private final int size;

    private RankTable(byte[] bytes, int[] offsets, int[] ranks, int count) {
        this.bytes = bytes;
        this.size = count;
        int capacity = Integer.highestOneBit(Math.max(count, 1) * 2 - 1) << 1;
        this.slots = new long[capacity * 2];
        this.mask = capacity - 1;
        for (int token = 0; token < count; token++) {
            int start = offsets[token];
            int length = offsets[token + 1] - start;
            if (length == 0 || length > LENGTH_BITS || ranks[token] < 0 || ranks[token] > RANK_BITS) {
                throw new IllegalArgumentException("token " + token + " has a length or rank this table cannot hold");
            }
            int slot = hash(bytes, start, length) & mask;
            while (slots[slot * 2 + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot * 2] = head(bytes, start, length);
            slots[slot * 2 + 1] = length | (long) ranks[token] << 8 | (long) start << 32;
        }
    }

    static RankTable o200kBase() {
        try (InputStream in = RankTable.class.getResourceAsStream(O200K_BASE)) {
            if (in == null) {
                throw new IllegalStateException(O200K_BASE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RankTable read(InputStream in) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        var decoder = Base64.getDecoder();
        byte[] bytes = new byte[1 << 20];
        int[] offsets = new int[1 << 16];
        int[] ranks = new int[1 << 16];
        int count = 0;
        int size = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            byte[] token = decoder.decode(line.substring(0, space));
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
                ranks = Arrays.copyOf(ranks, ranks.length * 2);
            }
            if (size + token.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            System.arraycopy(token, 0, bytes, size, token.length);
            ranks[count] = Integer.parseInt(line, space + 1, line.length(), 10);
            offsets[count++] = size;
            size += token.length;
            offsets[count] = size;
        }
        return new RankTable(Arrays.copyOf(bytes, size), Arrays.copyOf(offsets, count + 1), Arrays.copyOf(ranks, count), count);
    }

    /** The rank of {@code source[start, start + length)} as one token, or -1 if it is none. */
    int rank(byte[] source, int start, int length) {
        long head = head(source, start, length);
        for (int slot = hash(source, start, length) & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot * 2 + 1];
            if (entry == 0) {
                return -1;
            }
            if ((entry & LENGTH_BITS) == length && slots[slot * 2] == head && sameTail(entry, source, start, length)) {
                return (int) (entry >>> 8 & RANK_BITS);
            }
        }
    }

    private boolean sameTail(long entry, byte[] source, int start, int length) {
        if (length <= HEAD_BYTES) {
            return true;
        }
        int from = (int) (entry >>> 32);
        return Arrays.equals(bytes, from + HEAD_BYTES, from + length, source, start + HEAD_BYTES, start + length);
    }

    int size() {
        return size;
    }

    private static long head(byte[] source, int start, int length) {
        long head = 0;
        for (int i = 0, n = Math.min(length, HEAD_BYTES); i < n; i++) {
            head |= (source[start + i] & 0xffL) << (8 * i);
        }
        return head;
    }

    private static int hash(byte[] source, int start, int length) {
        long hash = length;
        for (int i = start; i < start + length; i++) {
            hash = hash * 31 + source[i];
        }
        return (int) ((hash * 0x9e3779b97f4a7c15L) >>> 32);
    }
}
