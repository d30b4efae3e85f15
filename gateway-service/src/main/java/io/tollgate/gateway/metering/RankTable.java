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

    private final byte[] bytes;
    private final int[] offsets;
    private final int[] ranks;
    /** Slot -> token index + 1 (0: empty). */
    private final int[] slots;
    private final int[] slotHashes;
    private final int mask;

    private RankTable(byte[] bytes, int[] offsets, int[] ranks, int count) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.ranks = ranks;
        int capacity = Integer.highestOneBit(Math.max(count, 1) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.slotHashes = new int[capacity];
        this.mask = capacity - 1;
        for (int token = 0; token < count; token++) {
            int start = offsets[token];
            int hash = hash(bytes, start, offsets[token + 1] - start);
            int slot = hash & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = token + 1;
            slotHashes[slot] = hash;
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
        int hash = hash(source, start, length);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (slotHashes[slot] == hash) {
                int token = entry - 1;
                int from = offsets[token];
                if (Arrays.equals(bytes, from, offsets[token + 1], source, start, start + length)) {
                    return ranks[token];
                }
            }
        }
    }

    int size() {
        return ranks.length;
    }

    private static int hash(byte[] source, int start, int length) {
        int hash = length;
        for (int i = start; i < start + length; i++) {
            hash = hash * 31 + source[i];
        }
        return hash * 0x9e3779b9 ^ hash >>> 15;
    }
}
