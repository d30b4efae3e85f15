package io.tollgate.gateway.provider.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * One pooled connection to a provider, last in its pipeline: hands what it reads to the exchange it serves. Data
 * arriving while it is idle in its pool is no answer to anything, so the connection is closed. Touched on its event
 * loop only.
 */
final class Connection extends ChannelInboundHandlerAdapter {

    final Channel channel;
    private final ConnectionPool pool;
    @Nullable Exchange exchange;
    /** When it was last put back into its pool. */
    long idleSince;

    Connection(Channel channel, ConnectionPool pool) {
        this.channel = channel;
        this.pool = pool;
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
