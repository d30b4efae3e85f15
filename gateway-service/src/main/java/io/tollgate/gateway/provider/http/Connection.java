package io.tollgate.gateway.provider.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One pooled connection to a provider, last in its pipeline: hands what it reads to the exchange it serves. Data
 * arriving while it is idle in its pool is no answer to anything, so the connection is closed. Touched on its event
 * loop only.
 *
 * <p>The response timeout has one timer per connection, not one per exchange: set going by an exchange, it checks
 * the exchange of the moment when it fires and waits again for what is left of that one's timeout; idle, it stops. A
 * keep-alive connection thus schedules a timer about once per response timeout instead of scheduling and cancelling
 * one for every request.
 */
final class Connection extends ChannelInboundHandlerAdapter {

    final Channel channel;
    private final ConnectionPool pool;
    @Nullable Exchange exchange;
    /** When it was last put back into its pool. */
    long idleSince;
    private final Runnable check = this::check;
    private @Nullable ScheduledFuture<?> timer;
    private long timerAt;

    Connection(Channel channel, ConnectionPool pool) {
        this.channel = channel;
        this.pool = pool;
    }

    /** The exchange started here {@code now} has this response timeout: the timer fires by then at the latest. */
    void watch(long now, long timeoutNanos) {
        long due = now + timeoutNanos;
        if (timer != null) {
            if (timerAt - due <= 0) {
                return;
            }
            // an exchange with a shorter timeout than the one that set the timer going
            timer.cancel(false);
        }
        schedule(timeoutNanos, due);
    }

    private void schedule(long delayNanos, long at) {
        timerAt = at;
        timer = channel.eventLoop().schedule(check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        timer = null;
        var current = exchange;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        long left = current.timeLeft(now);
        if (left > 0 && exchange == current) {
            schedule(left, now + left);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        var current = exchange;
        if (current != null) {
            current.read(msg);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        var current = exchange;
        if (current != null) {
            current.readComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        pool.closed(this);
        var current = exchange;
        exchange = null;
        if (current != null) {
            current.closed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        var current = exchange;
        if (current != null) {
            current.failed(cause);
        } else {
            ctx.close();
        }
    }
}
