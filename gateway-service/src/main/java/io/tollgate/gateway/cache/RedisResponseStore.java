package io.tollgate.gateway.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers in Redis, shared by every gateway replica, each under {@value #PREFIX} and its tenant's key with its own
 * expiry ({@code SET ... PX}); Redis's own {@code maxmemory} policy bounds the total. The cache has a connection of its
 * own to the limits' Redis: answers are up to {@code max-entry-bytes} large and would hold up the small limit checks
 * queued behind them on one multiplexed connection. Fails open: while Redis does not answer, a lookup is a miss and an
 * answer is not kept (counted in {@code tollgate_gateway_cache_store_failures_total}, a warning per minute); a
 * disconnected client refuses commands at once, and the next lookup after a second tries to connect again.
 */
final class RedisResponseStore implements ResponseStore, AutoCloseable {

    static final String PREFIX = "tollgate:cache:";
    private static final Logger log = LoggerFactory.getLogger(RedisResponseStore.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final long RECONNECT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WARNING_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisClient client;
    private final RedisURI uri;
    private final Counter failures;
    private final AtomicLong nextConnectAt = new AtomicLong();
    private final AtomicLong nextWarningAt = new AtomicLong();
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

    RedisResponseStore(String redisUrl, Duration timeout, MeterRegistry registry) {
        this.uri = RedisURI.create(redisUrl);
        this.failures = Counter.builder("tollgate.gateway.cache.store.failures")
                .description("Response cache lookups and writes that could not reach Redis").register(registry);
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        long now = System.nanoTime();
        nextWarningAt.set(now);
        try {
            connection = client.connect(CODEC, uri);
            log.info("The response cache is shared through Redis");
        } catch (RuntimeException e) {
            failed(e);
            nextConnectAt.set(now + RECONNECT_NANOS);
        }
    }

    @Override
    public Mono<CachedAnswer> get(String key) {
        var current = connected();
        if (current == null) {
            return Mono.empty();
        }
        return current.reactive().get(PREFIX + key)
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
        var current = connected();
        if (current != null) {
            current.reactive().set(PREFIX + key, answer.encode(), SetArgs.Builder.px(ttl.toMillis()))
                    .subscribe(ok -> { }, this::failed);
        }
    }

    /** The connection, or null while there is none (then at most once a second a new one is tried in the background). */
    private @Nullable StatefulRedisConnection<String, byte[]> connected() {
        var current = connection;
        if (current != null) {
            return current;
        }
        long now = System.nanoTime();
        long at = nextConnectAt.get();
        if (now - at >= 0 && nextConnectAt.compareAndSet(at, now + RECONNECT_NANOS)) {
            client.connectAsync(CODEC, uri).whenComplete((connected, failure) -> {
                if (connected != null) {
                    connection = connected;
                    log.info("The response cache reached Redis");
                } else {
                    failed(failure);
                }
            });
        }
        failures.increment();
        return null;
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
        var current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown();
    }
}
