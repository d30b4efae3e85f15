package io.tollgate.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What every replica together used of one deployment's provider capacity, as last read from the shared store, plus
 * what this replica used since it last told the store. The window is a sliding minute approximated as in
 * {@link CapacityWindow}, over wall-clock minutes that all replicas agree on.
 */
final class SharedUse {

    static final long MINUTE_MILLIS = 60_000;

    /** The store's counts of one minute and the one before, as read at {@code readAtMillis}. */
    record Totals(long minute, long requests, long previousRequests, long tokens, long previousTokens,
                  long readAtMillis) {
        static final Totals NONE = new Totals(Long.MIN_VALUE, 0, 0, 0, 0, Long.MIN_VALUE);
    }

    private final long freshForMillis;
    private final AtomicLong unsentRequests = new AtomicLong();
    private final AtomicLong unsentTokens = new AtomicLong();
    private volatile Totals totals = Totals.NONE;

    /** @param freshForMillis how long totals read from the store are trusted; older ones are ignored (an outage) */
    SharedUse(long freshForMillis) {
        this.freshForMillis = freshForMillis;
    }

    static long minute(long millis) {
        return Math.floorDiv(millis, MINUTE_MILLIS);
    }

    void started(long tokens) {
        unsentRequests.incrementAndGet();
        if (tokens > 0) {
            unsentTokens.addAndGet(tokens);
        }
    }

    /** This replica's requests since the last call, to add to the store. */
    long takeUnsentRequests() {
        return unsentRequests.getAndSet(0);
    }

    long takeUnsentTokens() {
        return unsentTokens.getAndSet(0);
    }

    void read(Totals read) {
        totals = read;
    }

    boolean fresh(long nowMillis) {
        return nowMillis - totals.readAtMillis() <= freshForMillis;
    }

    long requests(long nowMillis) {
        var read = totals;
        return used(read, read.requests(), read.previousRequests(), nowMillis) + unsentRequests.get();
    }

    long tokens(long nowMillis) {
        var read = totals;
        return used(read, read.tokens(), read.previousTokens(), nowMillis) + unsentTokens.get();
    }

    private static long used(Totals read, long current, long previous, long nowMillis) {
        long now = minute(nowMillis);
        if (read.minute() == now - 1) {
            previous = current;
            current = 0;
        } else if (read.minute() != now) {
            return 0;
        }
        double elapsed = (double) Math.floorMod(nowMillis, MINUTE_MILLIS) / MINUTE_MILLIS;
        return current + (long) Math.ceil(previous * (1 - elapsed));
    }
}
