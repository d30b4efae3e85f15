package io.tollgate.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Lock-free Bucket4j buckets in memory: exact for one gateway. */
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

    private Bucket bucket(Limit limit) {
        Bucket bucket = buckets.get(limit.key());
        return bucket != null ? bucket : buckets.computeIfAbsent(limit.key(), key -> Bucket.builder()
                .addLimit(limit.bandwidth()).withCustomTimePrecision(time).build());
    }

    @Override
    public String toString() {
        return "local buckets";
    }
}
