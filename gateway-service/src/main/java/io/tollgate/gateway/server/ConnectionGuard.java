package io.tollgate.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client connection, seen just behind the HTTP decoder: whether a request is in flight, the idle timeout (armed
 * while no request is, disarmed by a request's first byte), the header timeout (armed by {@link #firstByteWatch()}
 * ahead of the HTTP decoder when a request's first byte arrives, disarmed when its headers are decoded), its place
 * under the connection cap, and its part in a graceful stop. State is touched on the connection's event loop only.
 *
 * <p>Both timeouts share one deadline and one timer, which is not moved with every request: arming only sets the
 * deadline, unless it falls before the timer, and the timer, when it fires early, waits again for the deadline of the
 * moment. A keep-alive connection thus schedules a timer about once per header timeout, not two per request.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final Connections connections;
    private final long headerTimeoutNanos;
    private final long idleTimeoutNanos;
    private volatile @Nullable ChannelHandlerContext context;
    /** When the connection closes, if armed (not while a request is in flight past its headers). */
    private long deadline;
    private boolean armed;
    private boolean awaitingHeaders;
    private @Nullable ScheduledFuture<?> timer;
    private long timerAt;
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
                if (msg instanceof ByteBuf && !busy && !awaitingHeaders) {
                    awaitingHeaders = true;
                    arm(ctx, headerTimeoutNanos);
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
        arm(ctx, idleTimeoutNanos);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connections.closed(this);
        idle();
        armed = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest && !busy) {
            busy = true;
            connections.busy(true);
            awaitingHeaders = false;
            armed = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean draining = connections.draining();
        if (msg instanceof HttpResponse response && draining) {
            HttpUtil.setKeepAlive(response, false);
        }
        if (PipelineRoutes.endsResponse(msg)) {
            idle();
            arm(ctx, idleTimeoutNanos);
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

    /** The connection closes {@code timeoutNanos} from now unless it is armed or disarmed again before. */
    private void arm(ChannelHandlerContext ctx, long timeoutNanos) {
        deadline = System.nanoTime() + timeoutNanos;
        armed = true;
        if (timer != null && timerAt - deadline <= 0) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        schedule(ctx, timeoutNanos);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        timerAt = deadline;
        timer = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!armed) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            ctx.channel().close();
        } else {
            schedule(ctx, left);
        }
    }
}
