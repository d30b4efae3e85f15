package io.tollgate.gateway.provider.http;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.HostsFileEntriesResolver;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProvider;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.tollgate.gateway.provider.UpstreamHttp.Answer;
import io.tollgate.gateway.provider.UpstreamHttp.FailureReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * The connections to providers: pools per address, connect timeout and event loop, on the event loops of the
 * gateway's server (an exchange started on one stays on it, so a provider call costs no thread hop), with TLS for
 * https (SNI and hostname verification) and Netty's asynchronous DNS resolver. The configured limits are totals,
 * shared out evenly between the event loops.
 */
public final class UpstreamConnections implements AutoCloseable {

    private final Supplier<LoopResources> loopResources;
    private final @Nullable SslContext tls;
    private final RateLimitReport rateLimits;
    private final int maxConnections;
    private final int maxWaiting;
    private final long maxIdleNanos;
    private final DnsServerAddressStreamProvider nameServers;
    private final Map<PoolKey, Map<EventLoop, ConnectionPool>> pools = new ConcurrentHashMap<>();
    private volatile @Nullable Loops loops;
    private volatile boolean closed;

    /**
     * @param loopResources the server's event loops (asked each time: a stopped and restarted server has new ones)
     * @param tls           for https providers; null for the JDK's trust store with hostname verification
     */
    public UpstreamConnections(Supplier<LoopResources> loopResources, @Nullable SslContext tls, Clock clock,
                               int maxConnections, int maxWaiting, Duration maxIdleTime) {
        this.loopResources = loopResources;
        this.tls = tls != null ? tls : defaultTls();
        this.rateLimits = new RateLimitReport(clock);
        this.maxConnections = maxConnections;
        this.maxWaiting = maxWaiting;
        this.maxIdleNanos = maxIdleTime.toNanos();
        // read /etc/resolv.conf and /etc/hosts here, not on an event loop
        this.nameServers = DnsServerAddressStreamProviders.platformDefault();
        HostsFileEntriesResolver.DEFAULT.address("localhost", io.netty.resolver.ResolvedAddressTypes.IPV4_PREFERRED);
        try {
            Class.forName("io.netty.resolver.dns.DnsNameResolver", true, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SslContext defaultTls() {
        try {
            return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        } catch (SSLException e) {
            throw new IllegalStateException("No TLS for provider calls", e);
        }
    }

    /** POSTs the body and reads the whole answer. */
    public Mono<Answer> post(UpstreamClient client, URI uri, byte[] body, @Nullable Consumer<RequestHeaders> headers) {
        var call = new Exchange.Call(client, uri, body, headers);
        return new Mono<>() {
            @Override
            public void subscribe(CoreSubscriber<? super Answer> actual) {
                var exchange = new AnswerExchange(UpstreamConnections.this, call, actual, rateLimits);
                actual.onSubscribe(exchange);
                exchange.start();
            }
        };
    }

    /** POSTs the body and relays a successful answer's body as it arrives; any other answer fails the flux. */
    public Flux<byte[]> chunks(UpstreamClient client, URI uri, byte[] body, @Nullable Consumer<RequestHeaders> headers,
                               FailureReader failures) {
        var call = new Exchange.Call(client, uri, body, headers);
        return new Flux<>() {
            @Override
            public void subscribe(CoreSubscriber<? super byte[]> actual) {
                var exchange = new RelayExchange(UpstreamConnections.this, call, actual, failures, rateLimits);
                actual.onSubscribe(exchange);
                exchange.start();
            }
        };
    }

    /** The event loops of the moment, with what depends on them. */
    private record Loops(LoopResources resources, EventLoopGroup group, Class<? extends SocketChannel> socketType,
                         AddressResolverGroup<?> resolver, int count) {
    }

    private Loops loops() {
        LoopResources resources = loopResources.get();
        Loops known = loops;
        if (known != null && known.resources() == resources) {
            return known;
        }
        synchronized (this) {
            known = loops;
            if (known != null && known.resources() == resources) {
                return known;
            }
            EventLoopGroup group = resources.onClient(LoopResources.DEFAULT_NATIVE);
            var resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                    .datagramChannelType(resources.onChannelClass(DatagramChannel.class, group))
                    .socketChannelType(resources.onChannelClass(SocketChannel.class, group))
                    .nameServerProvider(nameServers));
            int count = 0;
            for (var ignored : group) {
                count++;
            }
            var fresh = new Loops(resources, group, resources.onChannelClass(SocketChannel.class, group), resolver,
                    Math.max(1, count));
            if (known != null) {
                known.resolver().close();
            }
            loops = fresh;
            return fresh;
        }
    }

    /** The event loop for a call made on this thread: its own, when it is one of the server's. */
    EventLoop loop() {
        return loops().group().next();
    }

    /** The pool of an address and connect timeout on an event loop; made on that event loop. */
    ConnectionPool pool(Origin origin, int connectTimeoutMillis, EventLoop loop) {
        var key = new PoolKey(origin.tls, origin.host, origin.port, connectTimeoutMillis);
        var known = pools.get(key);
        var byLoop = known != null ? known : pools.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        var pool = byLoop.get(loop);
        if (pool == null) {
            var current = loops();
            int perLoop = current.count();
            var limits = new ConnectionPool.Limits(share(maxConnections, perLoop), share(maxWaiting, perLoop), maxIdleNanos);
            pool = new ConnectionPool(loop, current.socketType(), current.resolver(), origin, connectTimeoutMillis,
                    origin.tls ? tls : null, limits);
            byLoop.put(loop, pool);
            loop.terminationFuture().addListener(future -> byLoop.remove(loop));
            if (closed) {
                pool.close();
            }
        }
        return pool;
    }

    private static int share(int total, int loops) {
        return Math.max(1, (total + loops - 1) / loops);
    }

    private record PoolKey(boolean tls, String host, int port, int connectTimeoutMillis) {
    }

    /** Closes idle connections and refuses new calls; answers being read finish first. */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(byLoop -> byLoop.forEach((loop, pool) -> {
            try {
                loop.execute(pool::close);
            } catch (RejectedExecutionException stopped) {
                // the event loop is gone, and its connections with it
            }
        }));
        Loops current = loops;
        if (current != null) {
            current.resolver().close();
        }
    }

    @Override
    public String toString() {
        return "UpstreamConnections[" + pools.size() + " addresses]";
    }
}
