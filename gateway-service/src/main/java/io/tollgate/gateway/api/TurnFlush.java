package io.tollgate.gateway.api;

import io.netty.channel.ChannelHandlerContext;

/**
 * One flush for all the writes a turn of the connection's event loop makes. A provider's read often holds many
 * events, and a flush each is a system call each: 24 for the bench's 23-event stream, where one does. The flush runs
 * as the loop's next task, once the reads of this turn have been handled. Touched on the event loop only.
 */
final class TurnFlush implements Runnable {

    private final ChannelHandlerContext ctx;
    private boolean scheduled;

    TurnFlush(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** What has been written goes out at the end of this turn of the loop. */
    void request() {
        if (!scheduled) {
            scheduled = true;
            ctx.executor().execute(this);
        }
    }

    @Override
    public void run() {
        scheduled = false;
        ctx.flush();
    }
}
