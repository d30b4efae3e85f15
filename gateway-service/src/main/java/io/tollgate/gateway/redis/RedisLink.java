package io.tollgate.gateway.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feature's connection to Redis. Once connected, Lettuce reconnects it by itself after a drop. Until the first
 * connect succeeds, {@link #connection()} answers null and a new attempt is made in the background every second, so
 * neither a request nor a start waits for a Redis that is not there.
 */
public final class RedisLink<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);
    private static final long RETRY_SECONDS = 1;
    private static final long WARNING_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RedisClient client;
    private final RedisURI uri;
    private final RedisCodec<String, V> codec;
    private final Duration commandTimeout;
    private final String purpose;
    private long nextWarningAt = System.nanoTime();
    private volatile @Nullable StatefulRedisConnection<String, V> connection;
    private volatile boolean closed;

    RedisLink(RedisClient client, RedisURI uri, RedisCodec<String, V> codec, Duration commandTimeout, String purpose) {
        this.client = client;
        this.uri = uri;
        this.codec = codec;
        this.commandTimeout = commandTimeout;
        this.purpose = purpose;
        try {
            connected(client.connect(codec, uri));
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** The connection, or null while there has never been one. */
    public @Nullable StatefulRedisConnection<String, V> connection() {
        return connection;
    }

    private void attempt() {
        if (closed) {
            return;
        }
        client.connectAsync(codec, uri).whenComplete((opened, failure) -> {
            if (opened != null) {
                connected(opened);
            } else {
                failed(failure);
            }
        });
    }

    private void connected(StatefulRedisConnection<String, V> opened) {
        // the connect's handshake may take the URI's longer timeout; commands then get the feature's own
        opened.setTimeout(commandTimeout);
        connection = opened;
        if (closed) {
            opened.close();
            return;
        }
        log.info("Sharing {} through Redis", purpose);
    }

    private synchronized void failed(Throwable failure) {
        long now = System.nanoTime();
        if (now - nextWarningAt >= 0) {
            nextWarningAt = now + WARNING_NANOS;
            log.warn("Cannot reach Redis for {}; trying again every second ({})", purpose, failure.toString());
        }
        if (!closed) {
            client.getResources().eventExecutorGroup().schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        var current = connection;
        if (current != null) {
            current.close();
        }
    }
}
