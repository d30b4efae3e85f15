package io.tollgate.gateway.provider.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The keep-alive connections to one address from one event loop, and the exchanges waiting for one. The most recently
 * used idle connection serves next, so that the others idle out after {@code maxIdleNanos}; a connection is opened
 * when none is idle and fewer than {@code maxConnections} are open, else the exchange waits (at most
 * {@code maxWaiting} do). Touched on its event loop only.
 */
final class ConnectionPool {

    /** Large enough for the rate-limit, tracing and CDN headers providers send. */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig().setMaxHeaderSize(32 * 1024);

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final int maxConnections;
    private final int maxWaiting;
    private final long maxIdleNanos;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int open;
    private boolean sweeping;
    private boolean closed;

    ConnectionPool(EventLoop loop, Class<? extends SocketChannel> channelType, AddressResolverGroup<?> resolver,
                   Origin origin, int connectTimeoutMillis, @Nullable SslContext tls, Limits limits) {
        this.loop = loop;
        this.maxConnections = limits.maxConnections();
        this.maxWaiting = limits.maxWaiting();
        this.maxIdleNanos = limits.maxIdleNanos();
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(origin.host);
        this.address = literal != null ? new InetSocketAddress(address(literal), origin.port)
                : InetSocketAddress.createUnresolved(origin.host, origin.port);
        this.bootstrap = new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        var pipeline = channel.pipeline();
                        if (tls != null) {
                            pipeline.addLast(tls.newHandler(channel.alloc(), origin.host, origin.port));
                        }
                        pipeline.addLast(new ProviderResponseDecoder(DECODER), new Connection(channel, ConnectionPool.this));
                    }
                });
        if (literal != null) {
            bootstrap.disableResolver();
        } else {
            bootstrap.resolver(resolver);
        }
    }

    /** Per event loop: a pool's share of the configured totals. */
    record Limits(int maxConnections, int maxWaiting, long maxIdleNanos) {
    }

    private static InetAddress address(byte[] literal) {
        try {
            return InetAddress.getByAddress(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Hands the exchange a connection, now or once one is free; {@code fresh} skips the idle ones. */
    void acquire(Exchange exchange, boolean fresh) {
        if (closed) {
            exchange.acquireFailed(new IllegalStateException("The provider connections are closed"));
            return;
        }
        if (!fresh) {
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                if (connection.channel.isActive()) {
                    exchange.acquired(connection, true);
                    return;
                }
            }
        }
        if (open < maxConnections) {
            connect(exchange);
        } else if (waiting.size() < maxWaiting) {
            waiting.addLast(exchange);
            exchange.waiting();
        } else {
            exchange.acquireFailed(new UpstreamBusyException("Too many requests wait for a connection to " + address));
        }
    }

    /** A cancelled exchange stops waiting. */
    void forget(Exchange exchange) {
        waiting.remove(exchange);
    }

    /** Takes back a connection whose answer was read whole and that the provider keeps open. */
    void release(Connection connection) {
        connection.exchange = null;
        if (closed || !connection.channel.isActive()) {
            connection.channel.close();
            return;
        }
        Exchange next;
        while ((next = waiting.pollFirst()) != null) {
            if (!next.isCancelled()) {
                next.acquired(connection, true);
                return;
            }
        }
        connection.idleSince = System.nanoTime();
        idle.addFirst(connection);
        // an idle connection keeps its read interest, rather than dropping it and asking for it again around every
        // request (two epoll_ctl calls each); bytes arriving while no request is sent close it (Connection)
        connection.channel.read();
        if (!sweeping) {
            sweeping = true;
            loop.schedule(this::sweep, maxIdleNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A connection of this pool closed, whatever closed it. */
    void closed(Connection connection) {
        open--;
        idle.remove(connection);
        Exchange next;
        while (open < maxConnections && (next = waiting.pollFirst()) != null) {
            if (!next.isCancelled()) {
                connect(next);
            }
        }
    }

    private void connect(Exchange exchange) {
        open++;
        ChannelFuture connecting = bootstrap.connect(address);
        connecting.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                open--;
                exchange.acquireFailed(future.cause());
                return;
            }
            var connection = future.channel().pipeline().get(Connection.class);
            if (exchange.isCancelled()) {
                release(connection);
            } else {
                exchange.acquired(connection, false);
            }
        });
    }

    /** Closes the connections idle for longer than allowed, oldest first. */
    private void sweep() {
        long now = System.nanoTime();
        Connection oldest;
        while ((oldest = idle.peekLast()) != null && now - oldest.idleSince >= maxIdleNanos) {
            idle.pollLast();
            oldest.channel.close();
        }
        if (oldest == null || closed) {
            sweeping = false;
        } else {
            loop.schedule(this::sweep, maxIdleNanos - (now - oldest.idleSince), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the idle connections and fails the waiting exchanges; busy connections close after their answer. */
    void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.channel.close();
        }
        Exchange next;
        while ((next = waiting.pollFirst()) != null) {
            next.acquireFailed(new IllegalStateException("The provider connections are closed"));
        }
    }

    EventLoop loop() {
        return loop;
    }

    @Override
    public String toString() {
        return "ConnectionPool[" + address + ", open=" + open + ", idle=" + idle.size() + "]";
    }
}
