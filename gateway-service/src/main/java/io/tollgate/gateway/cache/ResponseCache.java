package io.tollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.tollgate.gateway.pipeline.CachePlan;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers kept in this gateway's memory (Caffeine), bounded in bytes, each for the time its request asked. Keys name
 * the tenant ({@link ResponseCachePolicy}), so no tenant reads another's answers. Not shared between replicas.
 */
@Component
public class ResponseCache {

    /** What an entry costs beyond its body: key, map node, timer wheel links. */
    static final int ENTRY_OVERHEAD_BYTES = 256;

    private record Entry(byte[] body, Duration ttl) {
    }

    private final Cache<String, Entry> entries;

    ResponseCache(ResponseCacheProperties properties) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String key, Entry entry) -> ENTRY_OVERHEAD_BYTES + 2 * key.length() + entry.body().length)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.ttl()))
                .build();
    }

    /** The kept answer of the plan's request, unless the plan says to ignore it. */
    public Optional<byte[]> lookup(CachePlan plan) {
        if (!plan.mayAnswer()) {
            return Optional.empty();
        }
        return Optional.ofNullable(entries.getIfPresent(plan.key())).map(Entry::body);
    }

    /** Keeps a successful answer for the plan's time, replacing what was kept. */
    public void store(CachePlan plan, byte[] body) {
        entries.put(plan.key(), new Entry(body, plan.ttl()));
    }
}
