package io.tollgate.gateway.metering;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Counts o200k_base tokens of a text like jtokkit does, several times faster: the text's UTF-8 bytes are split into
 * pieces by hand ({@link O200kSplit}) instead of by the encoding's regular expression on a string, and each piece's
 * byte-pair merges look their ranks up in a flat table without building a key per lookup. A request's text is
 * counted in the body's own bytes, without a string. {@code O200kCounterTest} compares the counts with jtokkit's on
 * random text from every character class.
 *
 * <p>The cost is bounded by the text's length, whatever the text: the split is linear, a piece of up to
 * {@link #LONGEST_PIECE} bytes (nearly every piece of real text) is merged by a simple quadratic loop, a longer one up
 * to {@link #LONGEST_EXACT_PIECE} bytes by a heap in O(n log n), and a piece longer still (one run of a single character
 * class over 1 KiB: a blob, hardly ever prose) is not merged but counted as one token per byte, an upper bound, since a
 * token is at least one byte. Before, such a piece went to jtokkit, and one 4 MB word cost seconds of CPU.
 */
final class O200kCounter {

    /** Longest piece, in UTF-8 bytes, merged by the quadratic loop; longer ones are rare (runs of one class). */
    static final int LONGEST_PIECE = 256;
    /** Longest piece, in UTF-8 bytes, merged exactly; longer ones count one token per byte. */
    static final int LONGEST_EXACT_PIECE = 1024;
    private static final int MERGED = Integer.MAX_VALUE;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Pieces of up to this many UTF-8 bytes (nearly all words, with their leading space) have remembered counts. */
    private static final int REMEMBERED_PIECE = 16;
    private static final int REMEMBERED_BITS = 12;

    private final RankTable ranks;
    /** Each thread's scratch, as counting is on every request's path; the short pieces' counts are this table's. */
    private final ThreadLocal<Scratch> scratches = ThreadLocal.withInitial(Scratch::new);

    O200kCounter(RankTable ranks) {
        this.ranks = ranks;
    }

    /** The tokens of a string, as of its UTF-8 encoding (a lone surrogate is encoded as '?'). */
    int count(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return count(utf8, 0, utf8.length);
    }

    /** The tokens of the well-formed UTF-8 text {@code utf8[from, to)}. */
    int count(byte[] utf8, int from, int to) {
        var scratch = scratches.get();
        O200kSplit split = scratch.split;
        split.reset(utf8, to);
        long tokens = 0;
        for (int start = from; start < to; ) {
            int end = split.pieceEnd(start);
            int size = end - start;
            if (size > LONGEST_EXACT_PIECE) {
                tokens += size;
            } else {
                System.arraycopy(utf8, start, scratch.piece, 0, size);
                if (size <= REMEMBERED_PIECE) {
                    tokens += shortPiece(scratch, size);
                } else {
                    tokens += size <= LONGEST_PIECE ? tokens(scratch, size)
                            : HeapMerge.tokens(ranks, scratch.piece, size);
                }
            }
            start = end;
        }
        split.release();
        return (int) Math.min(tokens, Integer.MAX_VALUE);
    }

    // ---- the merge -------------------------------------------------------------------------------------------------

    /**
     * A short piece's count from the thread's table of short pieces merged before, else merged and put there. The table
     * is direct-mapped, a piece keyed by its bytes packed into two longs and its length, so a lookup is one probe of
     * arrays that stay in the processor's cache, where a piece's lookups in the rank table of 8 MB mostly miss it: with
     * pieces of up to 16 bytes, nearly every word of prose is one probe.
     */
    private int shortPiece(Scratch scratch, int size) {
        byte[] piece = scratch.piece; // holds at least 16 bytes: what lies past the piece is masked off
        long low = (long) LONGS.get(piece, 0) & bytesMask(size);
        long high = (long) LONGS.get(piece, 8) & bytesMask(size - 8);
        long mixed = (low + size) * 0x9e3779b97f4a7c15L ^ high * 0xc2b2ae3d27d4eb4fL;
        int slot = (int) ((mixed ^ mixed >>> 29) * 0xbf58476d1ce4e5b9L >>> (64 - REMEMBERED_BITS));
        int entry = scratch.shortCounts[slot];
        if (entry >>> 8 == size && scratch.shortLows[slot] == low && scratch.shortHighs[slot] == high) {
            return entry & 0xff;
        }
        int count = tokens(scratch, size);
        scratch.shortLows[slot] = low;
        scratch.shortHighs[slot] = high;
        scratch.shortCounts[slot] = size << 8 | count;
        return count;
    }

    /** The low {@code bytes} bytes of a long, little-endian: none for 0 or less, all for 8 or more. */
    private static long bytesMask(int bytes) {
        return bytes <= 0 ? 0 : bytes >= Long.BYTES ? -1L : (1L << (Long.BYTES * bytes)) - 1;
    }

    private static final class Scratch {

        final O200kSplit split = new O200kSplit();
        /** A piece of up to LONGEST_EXACT_PIECE UTF-8 bytes. */
        final byte[] piece = new byte[LONGEST_EXACT_PIECE];
        /** Short pieces' bytes, packed, the first 8 and the rest; their length and count in {@link #shortCounts}. */
        final long[] shortLows = new long[1 << REMEMBERED_BITS];
        final long[] shortHighs = new long[1 << REMEMBERED_BITS];
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
