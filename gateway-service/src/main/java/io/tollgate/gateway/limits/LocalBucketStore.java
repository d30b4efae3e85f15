package io.tollgate.gateway.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
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

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(Limit limit, long amount) {
        return CompletableFuture.completedFuture(tryConsumeNow(limit, amount));
    }

    /** The bucket's answer itself: in memory, there is nothing to wait for. */
    ConsumptionProbe tryConsumeNow(Limit limit, long amount) {
        return bucket(limit).tryConsumeAndReturnRemaining(amount);
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
