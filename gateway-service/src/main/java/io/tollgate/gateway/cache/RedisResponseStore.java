package io.tollgate.gateway.cache;

import io.lettuce.core.SetArgs;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.redis.RedisConnections;
import io.tollgate.gateway.redis.RedisLink;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers in Redis, shared by every gateway replica, each under {@value #PREFIX} and its tenant's key with its own
 * expiry ({@code SET ... PX}); Redis's own {@code maxmemory} policy bounds the total. The cache has a connection of its
 * own to the limits' Redis: answers are up to {@code max-entry-bytes} large and would hold up the small limit checks
 * queued behind them on one multiplexed connection. Fails open: while Redis does not answer, a lookup is a miss and an
 * answer is not kept (counted in {@code tollgate_gateway_cache_store_failures_total}, a warning per minute).
 */
final class RedisResponseStore implements ResponseStore, AutoCloseable {

    static final String PREFIX = "tollgate:cache:";
    private static final Logger log = LoggerFactory.getLogger(RedisResponseStore.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final long WARNING_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisLink<byte[]> link;
    private final Counter failures;
    private final AtomicLong nextWarningAt = new AtomicLong(System.nanoTime());

    RedisResponseStore(RedisConnections redis, String redisUrl, Duration timeout, MeterRegistry registry) {
        this.failures = Counter.builder("tollgate.gateway.cache.store.failures")
                .description("Response cache lookups and writes that could not reach Redis").register(registry);
        this.link = redis.open("the response cache", redisUrl, timeout, CODEC);
    }

    @Override
    public Mono<CachedAnswer> get(String key) {
        var connection = link.connection();
        if (connection == null) {
            failures.increment();
            return Mono.empty();
        }
        return connection.reactive().get(PREFIX + key)
                .map(CachedAnswer::decode)
                .onErrorResume(failure -> {
                    failed(failure);
                    return Mono.empty();
                })
                // Lettuce answers on its own event loop; the request goes on where the others do
                .publishOn(Schedulers.parallel());
    }

    @Override
    public void put(String key, CachedAnswer answer, Duration ttl) {
        var connection = link.connection();
        if (connection == null) {
            failures.increment();
            return;
        }
        connection.reactive().set(PREFIX + key, answer.encode(), SetArgs.Builder.px(ttl.toMillis()))
                .subscribe(ok -> { }, this::failed);
    }

    private void failed(Throwable failure) {
        failures.increment();
        long now = System.nanoTime();
        long at = nextWarningAt.get();
        if (now - at >= 0 && nextWarningAt.compareAndSet(at, now + WARNING_NANOS)) {
            log.warn("The response cache cannot reach Redis; requests go to the providers: {}", failure.toString());
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
