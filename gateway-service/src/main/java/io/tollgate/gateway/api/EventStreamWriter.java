package io.tollgate.gateway.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Writes a stream of server-sent events as one chunked response: the head and the first event flushed at once, the
 * events after it flushed once per turn of the event loop ({@link TurnFlush}), so that the events of one read of the
 * provider go out together rather than with a system call each. The next event is
 * asked for while the connection has room to write, so a slow client slows the provider's stream down rather than
 * filling the gateway's memory. A failure before the first event is answered as JSON; one after it (the relay has
 * already ended the stream with an error event when it could) closes the connection. Signals may arrive on any thread;
 * they are handled on the connection's event loop, in their order.
 */
final class EventStreamWriter implements CoreSubscriber<byte[]> {

    private final ModelExchange exchange;
    private final ChannelHandlerContext ctx;
    private final TurnFlush flush;
    /** Signals handed to the event loop and not yet handled there: while there are any, the next one queues too. */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile @Nullable Subscription upstream;
    private boolean started;
    private boolean waitingForRoom;
    private boolean done;

    EventStreamWriter(ModelExchange exchange, ChannelHandlerContext ctx) {
        this.exchange = exchange;
        this.ctx = ctx;
        this.flush = new TurnFlush(ctx);
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        upstream = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(byte[] event) {
        onLoop(() -> write(event));
    }

    @Override
    public void onError(Throwable failure) {
        onLoop(() -> failed(failure));
    }

    @Override
    public void onComplete() {
        onLoop(this::completed);
    }

    private void onLoop(Runnable signal) {
        var loop = ctx.executor();
        if (loop.inEventLoop() && queued.get() == 0) {
            signal.run();
            return;
        }
        queued.incrementAndGet();
        loop.execute(() -> {
            queued.decrementAndGet();
            signal.run();
        });
    }

    private void write(byte[] event) {
        if (done) {
            return;
        }
        boolean first = !started;
        start();
        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(event))).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (first) {
            ctx.flush();
        } else {
            flush.request();
        }
        if (ctx.channel().isWritable()) {
            request();
        } else {
            waitingForRoom = true;
        }
    }

    /** From the connection: the client has read enough for more to be written. */
    void writable() {
        if (waitingForRoom && !done) {
            waitingForRoom = false;
            request();
        }
    }

    private void request() {
        var subscription = upstream;
        if (subscription != null) {
            subscription.request(1);
        }
    }

    private void completed() {
        if (done) {
            return;
        }
        done = true;
        start();
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(future -> exchange.responded(future.isSuccess(), true));
    }

    private void failed(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        if (started) {
            ctx.close();
        } else {
            exchange.streamFailed(failure);
        }
    }

    private void start() {
        if (!started) {
            started = true;
            ctx.write(exchange.streamHead());
        }
    }

    /** The client went away. */
    void cancel() {
        done = true;
        var subscription = upstream;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
