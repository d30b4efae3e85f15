package io.tollgate.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/** Where the buckets live: in this gateway's memory, or in Redis shared by every replica. Never blocks. */
interface BucketStore extends AutoCloseable {

    CompletableFuture<ConsumptionProbe> tryConsume(Limit limit, long amount);

    /** Gives back what a request reserved and did not use (never beyond the capacity). */
    void giveBack(Limit limit, long amount);

    /** Takes what a request used beyond its reservation, even into debt: the next requests wait for it. */
    void take(Limit limit, long amount);

    @Override
    default void close() {
    }
}
