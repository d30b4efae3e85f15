package io.tollgate.gateway.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Draws from every bucket of a request at once (one Redis round trip in parallel for all of them) and, when one
 * refuses or the store fails, gives back what the others had granted, so a refused request costs nothing.
 */
@Component
class RateLimiter {

    private final BucketStore store;
    private final LimitsProperties properties;

    RateLimiter(BucketStore store, LimitsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * One request, plus {@code tokens} reserved from every token limit. Local buckets answer at once (a completed
     * future); Redis answers on its own I/O threads.
     */
    CompletableFuture<Admission> admit(List<Limit> limits, long tokens) {
        return store.draw(limits, tokens).thenApply(this::admission);
    }

    private Admission admission(List<Draw> draws) {
        var admission = new Admission(draws);
        boolean refused = admission.refusedBy().isPresent()
                || admission.storeFailed() && properties.redisFailMode() == LimitsProperties.FailMode.CLOSED;
        if (refused) {
            admission.consumed().forEach(draw -> store.giveBack(draw.limit(), draw.amount()));
        }
        return admission;
    }

    /** Settles a reservation with what the request really used: gives back the rest, or takes the excess. */
    void reconcile(List<Draw> reservations, long usedTokens) {
        for (Draw draw : reservations) {
            long unused = draw.amount() - usedTokens;
            if (unused > 0) {
                store.giveBack(draw.limit(), unused);
            } else if (unused < 0) {
                store.take(draw.limit(), -unused);
            }
        }
    }
}
