package io.tollgate.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap), so every replica draws from the same
 * buckets. Calls are asynchronous; a disconnected client refuses commands at once instead of queueing them, so an
 * outage costs a request no more than {@code redisTimeout}. Lettuce reconnects by itself after a drop; a gateway that
 * starts while Redis is down keeps trying to connect in the background.
 */
final class RedisBucketStore implements BucketStore {

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);

    private final RedisClient client;
    private final LimitsProperties properties;
    private final TimeMeter time;
    private final StoreOutage outage;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tollgate-limits-redis-connect").factory());
    private final Map<String, AsyncBucketProxy> buckets = new ConcurrentHashMap<>();
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile @Nullable AsyncProxyManager<String> proxies;

    RedisBucketStore(LimitsProperties properties, TimeMeter time, StoreOutage outage) {
        this.properties = properties;
        this.time = time;
        this.outage = outage;
        this.client = RedisClient.create(RedisURI.create(properties.redisUrl()));
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
                .build());
        connect();
    }

    private void connect() {
        try {
            var connected = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            connection = connected;
            proxies = Bucket4jLettuce.casBasedBuilder(connected)
                    .clientClock(time)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build().asAsync();
            log.info("Rate limit buckets are shared through Redis ({} sync)", properties.redisSync());
        } catch (RuntimeException e) {
            outage.failed(e, properties.redisFailMode());
            connector.schedule(this::connect, RECONNECT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(Limit limit, long amount) {
        var bucket = bucket(limit);
        return bucket == null ? notConnected() : bucket.tryConsumeAndReturnRemaining(amount);
    }

    @Override
    public void giveBack(Limit limit, long amount) {
        var bucket = bucket(limit);
        if (bucket != null) {
            bucket.addTokens(amount).exceptionally(this::failed);
        }
    }

    @Override
    public void take(Limit limit, long amount) {
        var bucket = bucket(limit);
        if (bucket != null) {
            bucket.consumeIgnoringRateLimits(amount).exceptionally(this::failed);
        }
    }

    private <T> @Nullable T failed(Throwable failure) {
        outage.failed(failure, properties.redisFailMode());
        return null;
    }

    private @Nullable AsyncBucketProxy bucket(Limit limit) {
        var manager = proxies;
        if (manager == null) {
            return null;
        }
        AsyncBucketProxy bucket = buckets.get(limit.key());
        return bucket != null ? bucket : buckets.computeIfAbsent(limit.key(), key -> manager.builder()
                .withOptimization(optimization(limit))
                .build(key, () -> CompletableFuture.completedFuture(limit.configuration())));
    }

    private Optimization optimization(Limit limit) {
        return switch (properties.redisSync()) {
            case EXACT -> Optimizations.batching();
            case RELAXED -> Optimizations.predicting(new DelayParameters(Math.max(1, limit.capacity() / 100),
                    properties.relaxedSyncPeriod()));
        };
    }

    private static <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new IllegalStateException("not connected to Redis"));
    }

    @Override
    public void close() {
        connector.shutdownNow();
        var open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Override
    public String toString() {
        return "Redis buckets (" + properties.redisSync() + ")";
    }
}
