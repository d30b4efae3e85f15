package io.tollgate.gateway.limits;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where the buckets live: in this gateway's memory, or in Redis shared by every replica. Never blocks. */
interface BucketStore extends AutoCloseable {

    /**
     * Draws one request from every limit, and {@code tokens} from every token limit, all at once. A bucket the store
     * could not reach is an unanswered draw, never a failed future.
     */
    CompletableFuture<List<Draw>> draw(List<Limit> limits, long tokens);

    /** Gives back what a request reserved and did not use (never beyond the capacity). */
    void giveBack(Limit limit, long amount);

    /** Takes what a request used beyond its reservation, even into debt: the next requests wait for it. */
    void take(Limit limit, long amount);

    @Override
    default void close() {
    }
}
