package io.tollgate.gateway.cache;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Where {@link ResponseCache} keeps answers: this gateway's memory, or Redis shared by the replicas. */
interface ResponseStore {

    /** The answer kept under the key; empty when there is none or the store cannot answer (a miss, never an error). */
    Mono<CachedAnswer> get(String key);

    /** Keeps the answer for the given time, replacing what was kept; returns at once, the write completes later. */
    void put(String key, CachedAnswer answer, Duration ttl);
}
