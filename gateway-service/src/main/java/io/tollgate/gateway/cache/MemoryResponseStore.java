package io.tollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Answers in this gateway's memory (Caffeine), bounded in bytes, each for its own time. Not shared between replicas. */
final class MemoryResponseStore implements ResponseStore {

    /** What an entry costs beyond its body: key, map node, timer wheel links. */
    static final int ENTRY_OVERHEAD_BYTES = 256;

    private record Entry(CachedAnswer answer, Duration ttl) {
    }

    private final Cache<String, Entry> entries;

    MemoryResponseStore(long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> ENTRY_OVERHEAD_BYTES + 2 * key.length()
                        + entry.answer().body().length)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.ttl()))
                .build();
    }

    @Override
    public Mono<CachedAnswer> get(String key) {
        var entry = entries.getIfPresent(key);
        return entry == null ? Mono.empty() : Mono.just(entry.answer());
    }

    @Override
    public void put(String key, CachedAnswer answer, Duration ttl) {
        entries.put(key, new Entry(answer, ttl));
    }
}
