package io.tollgate.gateway.cache;

import io.tollgate.gateway.pipeline.CachePlan;
import io.tollgate.model.common.TokenUsage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The exact response cache: answers kept in a {@link ResponseStore} (this gateway's memory, or Redis when configured),
 * each for the time its request asked and only up to {@code max-entry-bytes}. Keys name the tenant
 * ({@link ResponseCachePolicy}), so no tenant reads another's answers.
 */
@Component
public class ResponseCache {

    private final ResponseStore store;
    private final long maxEntryBytes;

    ResponseCache(ResponseStore store, ResponseCacheProperties properties) {
        this.store = store;
        this.maxEntryBytes = properties.maxEntryBytes().toBytes();
    }

    /** The kept answer of the plan's request, unless the plan says to ignore it; empty on a miss. */
    public Mono<CachedAnswer> lookup(CachePlan plan) {
        return plan.mayAnswer() ? store.get(plan.key()) : Mono.empty();
    }

    /** Keeps a successful answer and the usage it cost for the plan's time, replacing what was kept; a larger answer
     *  than {@code max-entry-bytes} is not kept. */
    public void store(CachePlan plan, byte[] body, TokenUsage usage) {
        if (body.length <= maxEntryBytes) {
            store.put(plan.key(), new CachedAnswer(body, usage.total()), plan.ttl());
        }
    }
}
