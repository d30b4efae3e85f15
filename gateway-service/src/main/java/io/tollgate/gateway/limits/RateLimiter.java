package io.tollgate.gateway.limits;

import java.util.ArrayList;
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
    private final StoreOutage outage;
    private final LimitsProperties properties;

    RateLimiter(BucketStore store, StoreOutage outage, LimitsProperties properties) {
        this.store = store;
        this.outage = outage;
        this.properties = properties;
    }

    /**
     * One request, plus {@code tokens} reserved from every token limit. Local buckets answer at once (a completed
     * future); Redis answers on its own I/O threads.
     */
    CompletableFuture<Admission> admit(List<Limit> limits, long tokens) {
        if (store instanceof LocalBucketStore local) {
            // the draws at once, without a future per bucket, one chained on each and one on all of them
            var draws = new ArrayList<Draw>(limits.size());
            for (Limit limit : limits) {
                long amount = amount(limit, tokens);
                draws.add(new Draw(limit, amount, local.tryConsumeNow(limit, amount)));
            }
            return CompletableFuture.completedFuture(admission(draws));
        }
        var futures = new ArrayList<CompletableFuture<Draw>>(limits.size());
        for (Limit limit : limits) {
            long amount = amount(limit, tokens);
            futures.add(store.tryConsume(limit, amount)
                    .handle((probe, failure) -> {
                        if (failure != null) {
                            outage.failed(failure, properties.redisFailMode());
                        }
                        return new Draw(limit, amount, probe);
                    }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(done -> {
            var draws = new ArrayList<Draw>(futures.size());
            for (CompletableFuture<Draw> future : futures) {
                draws.add(future.join());
            }
            return admission(draws);
        });
    }

    private static long amount(Limit limit, long tokens) {
        return limit.countsTokens() ? tokens : 1;
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
