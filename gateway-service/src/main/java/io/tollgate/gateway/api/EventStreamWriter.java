package io.tollgate.gateway.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * Writes a stream of server-sent events as one chunked response. The head and the first event are flushed at once;
 * the events after it that arrive in the same turn of the event loop (a provider's read often holds many) are
 * gathered into one chunk, written and flushed at the end of the turn ({@link TurnEnd}): one chunk and one system
 * call rather than one each. An event is never split between chunks. The next event is asked for while the
 * connection has room to write (the gathered bytes are written on past {@link #MAX_GATHERED_BYTES}, where the
 * connection counts them), so a slow client slows the provider's stream down rather than filling the gateway's
 * memory. A failure before the first event is answered as JSON; one after it (the relay has already ended the stream
 * with an error event when it could) closes the connection. Signals may arrive on any thread; they are handled on the
 * connection's event loop, in their order.
 */
final class EventStreamWriter implements CoreSubscriber<byte[]> {

    /** Gathered events are written on at this size, so that the connection's room to write counts them. */
    static final int MAX_GATHERED_BYTES = 16 * 1024;

    private final ModelExchange exchange;
    private final ChannelHandlerContext ctx;
    private final TurnEnd turnEnd;
    /** The events of this turn after the first, for one chunk at its end. */
    private @Nullable ByteBuf gathered;
    /** Signals handed to the event loop and not yet handled there: while there are any, the next one queues too. */
    private final AtomicInteger queued = new AtomicInteger();
    private volatile @Nullable Subscription upstream;
    private boolean started;
    private boolean waitingForRoom;
    private boolean done;

    EventStreamWriter(ModelExchange exchange, ChannelHandlerContext ctx) {
        this.exchange = exchange;
        this.ctx = ctx;
        this.turnEnd = new TurnEnd(ctx.executor(), this::endOfTurn);
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
        if (started) {
            gather(event);
        } else {
            start();
            writeChunk(ctx.alloc().ioBuffer(event.length).writeBytes(event));
            ctx.flush();
        }
        if (ctx.channel().isWritable()) {
            request();
        } else {
            waitingForRoom = true;
        }
    }

    private void gather(byte[] event) {
        var chunk = gathered;
        if (chunk == null) {
            chunk = ctx.alloc().ioBuffer((int) Math.min(MAX_GATHERED_BYTES, 4L * event.length));
            gathered = chunk;
            turnEnd.request();
        }
        chunk.writeBytes(event);
        if (chunk.readableBytes() >= MAX_GATHERED_BYTES) {
            writeGathered();
        }
    }

    private void endOfTurn() {
        writeGathered();
        ctx.flush();
    }

    private void writeGathered() {
        var chunk = gathered;
        if (chunk != null) {
            gathered = null;
            writeChunk(chunk);
        }
    }

    private void writeChunk(ByteBuf chunk) {
        ctx.write(new DefaultHttpContent(chunk)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private void dropGathered() {
        var chunk = gathered;
        if (chunk != null) {
            gathered = null;
            chunk.release();
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
        writeGathered();
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(future -> exchange.responded(future.isSuccess(), true));
    }

    private void failed(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        dropGathered();
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
        dropGathered();
        var subscription = upstream;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
