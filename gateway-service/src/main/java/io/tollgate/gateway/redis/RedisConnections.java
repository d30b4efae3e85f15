package io.tollgate.gateway.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one Lettuce client of the gateway: its event loops and timers serve every {@link RedisLink}, whichever feature
 * opened it. Every link refuses commands at once while disconnected (a request never queues behind an outage) and
 * times its commands out after its own timeout. The client is created with the first link, so a gateway without Redis
 * starts none of its threads.
 */
@Component
public class RedisConnections implements DisposableBean, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** For a connect's handshake (HELLO, AUTH, SELECT): a cold start may need more than a command's timeout. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

    private @Nullable RedisClient client;

    /**
     * A connection of its own to {@code url} for one feature; connected at once when Redis answers, else in the
     * background as soon as it does.
     *
     * @param purpose what the connection shares ("rate limit buckets"), in the log lines about its state
     * @param timeout the longest a command waits for its answer
     */
    public <V> RedisLink<V> open(String purpose, String url, Duration timeout, RedisCodec<String, V> codec) {
        var uri = RedisURI.create(url);
        uri.setTimeout(HANDSHAKE_TIMEOUT.compareTo(timeout) > 0 ? HANDSHAKE_TIMEOUT : timeout);
        return new RedisLink<>(client(), uri, codec, timeout, purpose);
    }

    private synchronized RedisClient client() {
        if (client == null) {
            client = RedisClient.create();
            client.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                    // each connection's own timeout, set by its link
                    .timeoutOptions(TimeoutOptions.enabled())
                    .build());
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }
}
