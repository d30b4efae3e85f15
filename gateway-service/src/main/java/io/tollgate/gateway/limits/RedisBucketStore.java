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
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.tollgate.gateway.redis.RedisConnections;
import io.tollgate.gateway.redis.RedisLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap), so every replica draws from the same
 * buckets. Calls are asynchronous; a disconnected client refuses commands at once instead of queueing them, so an
 * outage costs a request no more than {@code redisTimeout}, and the fail mode decides (see {@link StoreOutage}).
 */
final class RedisBucketStore implements BucketStore {

    private final RedisLink<byte[]> link;
    private final LimitsProperties properties;
    private final TimeMeter time;
    private final StoreOutage outage;
    private final Map<String, AsyncBucketProxy> buckets = new ConcurrentHashMap<>();
    private final AtomicReference<@Nullable AsyncProxyManager<String>> proxies = new AtomicReference<>();

    RedisBucketStore(RedisConnections redis, LimitsProperties properties, TimeMeter time, StoreOutage outage) {
        this.properties = properties;
        this.time = time;
        this.outage = outage;
        this.link = redis.open("rate limit buckets (" + properties.redisSync() + " sync)", properties.redisUrl(),
                properties.redisTimeout(), RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    /** One command per bucket, all in flight at once; a failed one is counted as an outage and left unanswered. */
    @Override
    public CompletableFuture<List<Draw>> draw(List<Limit> limits, long tokens) {
        var futures = new ArrayList<CompletableFuture<Draw>>(limits.size());
        for (Limit limit : limits) {
            long amount = limit.amount(tokens);
            futures.add(tryConsume(limit, amount).handle((probe, failure) -> {
                if (failure != null) {
                    failed(failure);
                    return new Draw(limit, amount, null);
                }
                return new Draw(limit, amount, probe);
            }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(done -> {
            var draws = new ArrayList<Draw>(futures.size());
            for (CompletableFuture<Draw> future : futures) {
                draws.add(future.join());
            }
            return draws;
        });
    }

    private CompletableFuture<ConsumptionProbe> tryConsume(Limit limit, long amount) {
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
        var manager = proxies();
        if (manager == null) {
            return null;
        }
        AsyncBucketProxy bucket = buckets.get(limit.key());
        return bucket != null ? bucket : buckets.computeIfAbsent(limit.key(), key -> manager.builder()
                .withOptimization(optimization(limit))
                .build(key, () -> CompletableFuture.completedFuture(limit.configuration())));
    }

    /** Bucket4j's proxies over the connection, made once it is there (by whichever request sees it first). */
    private @Nullable AsyncProxyManager<String> proxies() {
        var manager = proxies.get();
        if (manager != null) {
            return manager;
        }
        StatefulRedisConnection<String, byte[]> connection = link.connection();
        if (connection == null) {
            return null;
        }
        var made = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build().asAsync();
        return proxies.compareAndSet(null, made) ? made : proxies.get();
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
        link.close();
    }

    @Override
    public String toString() {
        return "Redis buckets (" + properties.redisSync() + ")";
    }
}
