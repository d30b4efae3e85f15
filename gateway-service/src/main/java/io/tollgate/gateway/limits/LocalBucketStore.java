package io.tollgate.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizationStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Bucket4j buckets in memory: exact for one gateway. */
final class LocalBucketStore implements BucketStore {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    LocalBucketStore(TimeMeter time) {
        this.time = time;
    }

    /** In memory there is nothing to wait for: the draws are made here, and the future is complete. */
    @Override
    public CompletableFuture<List<Draw>> draw(List<Limit> limits, long tokens) {
        var draws = new ArrayList<Draw>(limits.size());
        for (Limit limit : limits) {
            long amount = limit.amount(tokens);
            draws.add(new Draw(limit, amount, bucket(limit).tryConsumeAndReturnRemaining(amount)));
        }
        return CompletableFuture.completedFuture(draws);
    }

    @Override
    public void giveBack(Limit limit, long amount) {
        bucket(limit).addTokens(amount);
    }

    @Override
    public void take(Limit limit, long amount) {
        bucket(limit).consumeIgnoringRateLimits(amount);
    }

    /**
     * Buckets change their state in place under a lock: a lock-free bucket copies its state for every draw (64 bytes a
     * draw, at the same CPU on one thread), and the few event loops that draw from one bucket seldom meet.
     */
    private Bucket bucket(Limit limit) {
        Bucket bucket = buckets.get(limit.key());
        return bucket != null ? bucket : buckets.computeIfAbsent(limit.key(), key -> Bucket.builder()
                .addLimit(limit.bandwidth()).withCustomTimePrecision(time)
                .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED).build());
    }

    @Override
    public String toString() {
        return "local buckets";
    }
}
