package io.tollgate.gateway.metering;

/**
 * Byte-pair merging of a long piece in O(n log n): the same merges as tiktoken's loop (the adjacent pair of lowest
 * rank first, the leftmost of equals), found through a heap of (rank, position) instead of a scan of every pair after
 * each merge. Parts are a linked list over the piece's byte positions; a heap entry whose pair has changed since it
 * was pushed is skipped when it comes up.
 */
final class HeapMerge {

    private static final int NONE = Integer.MAX_VALUE;
    private static final int GONE = -1;

    private final RankTable ranks;
    private final byte[] piece;
    private final int size;
    /** Per part, by the position it starts at: where the next part starts. */
    private final int[] next;
    private final int[] previous;
    /** Per part: the rank of it joined with the next part, NONE when that is no token, GONE once merged away. */
    private final int[] pairRanks;
    private final long[] heap;
    private int heapSize;

    private HeapMerge(RankTable ranks, byte[] piece, int size) {
        this.ranks = ranks;
        this.piece = piece;
        this.size = size;
        this.next = new int[size];
        this.previous = new int[size];
        this.pairRanks = new int[size];
        // each merge pushes at most two entries
        this.heap = new long[3 * size];
    }

    /** The tokens of the first {@code size} bytes of {@code piece}. */
    static int tokens(RankTable ranks, byte[] piece, int size) {
        return new HeapMerge(ranks, piece, size).merge();
    }

    private int merge() {
        for (int i = 0; i < size; i++) {
            next[i] = i + 1;
            previous[i] = i - 1;
        }
        for (int i = 0; i < size; i++) {
            pairRanks[i] = pairRank(i);
            if (pairRanks[i] != NONE) {
                heap[heapSize++] = entry(pairRanks[i], i);
            }
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        int parts = size;
        while (heapSize > 0) {
            long top = pop();
            int at = (int) top;
            if (pairRanks[at] != (int) (top >>> 32)) {
                continue;
            }
            int joined = next[at];
            next[at] = next[joined];
            if (next[at] < size) {
                previous[next[at]] = at;
            }
            pairRanks[joined] = GONE;
            parts--;
            update(at);
            if (previous[at] >= 0) {
                update(previous[at]);
            }
        }
        return parts;
    }

    private void update(int part) {
        pairRanks[part] = pairRank(part);
        if (pairRanks[part] != NONE) {
            push(entry(pairRanks[part], part));
        }
    }

    private int pairRank(int part) {
        int second = next[part];
        if (second >= size) {
            return NONE;
        }
        int length = next[second] - part;
        if (length > RankTable.LONGEST_TOKEN) {
            return NONE;
        }
        int rank = ranks.rank(piece, part, length);
        return rank < 0 ? NONE : rank;
    }

    private static long entry(int rank, int position) {
        return (long) rank << 32 | position;
    }

    private void push(long entry) {
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= entry) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = entry;
    }

    private long pop() {
        long top = heap[0];
        heap[0] = heap[--heapSize];
        siftDown(0);
        return top;
    }

    private void siftDown(int from) {
        long entry = heap[from];
        int i = from;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= entry) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = entry;
    }
}
