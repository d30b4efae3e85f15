package io.tollgate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client connection, seen just behind the HTTP decoder: whether a request is in flight, the idle timeout (armed
 * while no request is, disarmed by a request's first byte), the header timeout (armed by {@link #firstByteWatch()}
 * ahead of the HTTP decoder when a request's first byte arrives, disarmed when its headers are decoded), its place
 * under the connection cap, and its part in a graceful stop. State is touched on the connection's event loop only.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final Connections connections;
    private final long headerTimeoutNanos;
    private final long idleTimeoutNanos;
    private volatile @Nullable ChannelHandlerContext context;
    private @Nullable ScheduledFuture<?> headerTimer;
    private @Nullable ScheduledFuture<?> idleTimer;
    private boolean busy;

    ConnectionGuard(Connections connections, Duration headerTimeout, Duration idleTimeout) {
        this.connections = connections;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    /** Sees the raw bytes: the first byte of a request starts the clock for its headers. */
    ChannelInboundHandlerAdapter firstByteWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf && !busy && headerTimer == null) {
                    cancelIdleTimer();
                    headerTimer = ctx.executor().schedule(() -> {
                        ctx.channel().close();
                    }, headerTimeoutNanos, TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        if (!connections.opened(this)) {
            ctx.channel().close();
            return;
        }
        armIdleTimer(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connections.closed(this);
        idle();
        disarm();
        cancelIdleTimer();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest && !busy) {
            busy = true;
            connections.busy(true);
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean draining = connections.draining();
        if (msg instanceof HttpResponse response && draining) {
            HttpUtil.setKeepAlive(response, false);
        }
        // a 100 Continue is a whole response too, but the request goes on
        if (msg instanceof LastHttpContent && !isInformational(msg)) {
            idle();
            armIdleTimer(ctx);
            if (draining) {
                ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    /** From any thread: close now when idle, else after the response in flight. */
    void drain() {
        var ctx = context;
        if (ctx != null) {
            ctx.executor().execute(() -> {
                if (!busy) {
                    ctx.channel().close();
                }
            });
        }
    }

    /** From any thread: close now. */
    void close() {
        var ctx = context;
        if (ctx != null) {
            ctx.channel().close();
        }
    }

    private void idle() {
        if (busy) {
            busy = false;
            connections.busy(false);
        }
    }

    private static boolean isInformational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private void armIdleTimer(ChannelHandlerContext ctx) {
        cancelIdleTimer();
        idleTimer = ctx.executor().schedule(() -> {
            ctx.channel().close();
        }, idleTimeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    private void disarm() {
        if (headerTimer != null) {
            headerTimer.cancel(false);
            headerTimer = null;
        }
    }
}
