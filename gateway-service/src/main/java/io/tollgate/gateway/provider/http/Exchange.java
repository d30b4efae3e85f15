package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.gateway.provider.UpstreamHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.util.context.ContextView;

/**
 * One request to a provider and its answer, on a pooled connection of the event loop it was started from: the
 * request is written, then the answer's status and headers are handed on, then its body in chunks as the subclass
 * asks for them (reading from the network only then). An answer read whole on a connection the provider keeps open
 * returns the connection to its pool; a failure, a cancellation or {@code Connection: close} closes it. A reused
 * connection that closes before any answer (the provider closed it while idle) is replaced once by a new one. The
 * response timeout is the longest silence while an answer is awaited, before its first byte too. Everything but
 * {@link #cancel} and {@link #request} runs on the event loop.
 */
abstract class Exchange implements Subscription, ChannelFutureListener {

    /** Requests up to this size go out in one buffer with their head. */
    private static final int COPIED_BODY = 16 * 1024;

    private final UpstreamConnections connections;
    private final UpstreamClient client;
    private final URI uri;
    private final byte[] body;
    private final @Nullable Consumer<RequestHeaders> ownHeaders;
    private final @Nullable Map<String, String> traceHeaders;
    private final int connectTimeoutMillis;
    private final long responseTimeoutNanos;
    final EventLoop loop;

    private @Nullable Origin origin;
    private @Nullable ConnectionPool pool;
    private @Nullable Connection connection;
    /** Ends a wait for a pooled connection that lasts longer than the connect timeout. */
    private @Nullable ScheduledFuture<?> waitTimer;
    private boolean reused;
    private boolean retried;
    private boolean written;
    private boolean informational;
    private boolean keepAlive;
    /** The connection is back in its pool or closed: nothing more is read or written. */
    private boolean finished;
    private long lastRead;
    int status = -1;
    @Nullable HttpHeaders headers;
    private volatile boolean cancelled;
    /** The subscriber's context, read once: a lookup walks its chain of operators. */
    final ContextView context;

    /** The deployment's timeouts and the trace context come from the subscriber's context. */
    Exchange(UpstreamConnections connections, Call call, ContextView context) {
        this.context = context;
        this.connections = connections;
        this.client = call.client();
        this.uri = call.uri();
        this.body = call.body();
        this.ownHeaders = call.headers();
        this.traceHeaders = context.getOrDefault(UpstreamHttp.TRACE_HEADERS, null);
        UpstreamHttp.Timeouts timeouts = context.getOrDefault(UpstreamHttp.TIMEOUTS, null);
        Duration connect = timeouts != null && timeouts.connect() != null ? timeouts.connect() : client.connectTimeout();
        Duration response = timeouts != null && timeouts.response() != null ? timeouts.response() : client.responseTimeout();
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
        this.responseTimeoutNanos = response.toNanos();
        this.loop = connections.loop();
    }

    /** What one call sends. */
    record Call(UpstreamClient client, URI uri, byte[] body, @Nullable Consumer<RequestHeaders> headers) {
    }

    /** The answer's status line and headers (not an informational one). */
    abstract void head(int status, HttpHeaders headers);

    /** A piece of the answer's body, valid during the call only. */
    abstract void content(ByteBuf content);

    /** The answer's end: its connection is back in the pool or closed. */
    abstract void end();

    /** The exchange failed: its connection is closed. */
    abstract void error(Throwable failure);

    /** Whether more of the answer is wanted now; false pauses reading (and the response timeout). */
    abstract boolean wantsMore();

    /** Starts the exchange on its event loop. */
    final void start() {
        if (loop.inEventLoop()) {
            begin();
        } else {
            try {
                loop.execute(this::begin);
            } catch (RejectedExecutionException stopped) {
                finished = true;
                error(stopped);
            }
        }
    }

    private void begin() {
        if (cancelled) {
            return;
        }
        try {
            origin = client.origin(uri);
            pool = connections.pool(origin, connectTimeoutMillis, loop);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        pool.acquire(this, false);
    }

    final boolean isCancelled() {
        return cancelled;
    }

    /**
     * From the pool: every connection it may open is in use, and this exchange waits for one; at most as long as a
     * new connection may take to open, then it fails as busy (and the request may go to another deployment).
     */
    final void waiting() {
        waitTimer = loop.schedule(() -> {
            waitTimer = null;
            if (!finished && connection == null) {
                pool.forget(this);
                fail(new UpstreamBusyException("No connection to " + origin + " came free within "
                        + connectTimeoutMillis + " ms"));
            }
        }, connectTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void stopWaiting() {
        if (waitTimer != null) {
            waitTimer.cancel(false);
            waitTimer = null;
        }
    }

    /** From the pool: the connection to send the request on. */
    final void acquired(Connection acquired, boolean wasReused) {
        stopWaiting();
        if (cancelled || finished) {
            pool.release(acquired);
            return;
        }
        connection = acquired;
        acquired.exchange = this;
        reused = wasReused;
        var channel = acquired.channel;
        ByteBuf request = null;
        try {
            HeaderList own = ownHeaders();
            request = channel.alloc().ioBuffer(client.headSize(uri) + (body.length <= COPIED_BODY ? body.length : 0));
            client.write(request, origin, uri, body, own);
        } catch (RuntimeException e) {
            if (request != null) {
                request.release();
            }
            connection = null;
            pool.release(acquired);
            fail(e);
            return;
        }
        ChannelFuture sent;
        if (body.length <= COPIED_BODY) {
            request.writeBytes(body);
            sent = channel.writeAndFlush(request);
        } else {
            channel.write(request, channel.voidPromise());
            sent = channel.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(body));
        }
        sent.addListener(this);
        lastRead = System.nanoTime();
        acquired.watch(lastRead, responseTimeoutNanos);
        channel.read();
    }

    private @Nullable HeaderList ownHeaders() {
        if (ownHeaders == null && traceHeaders == null) {
            return null;
        }
        var own = new HeaderList();
        if (ownHeaders != null) {
            ownHeaders.accept(own);
        }
        if (traceHeaders != null) {
            traceHeaders.forEach(own::set);
        }
        return own;
    }

    /** From the pool: no connection could be had. */
    final void acquireFailed(Throwable cause) {
        fail(cause);
    }

    /** The request was written, or could not be. */
    @Override
    public final void operationComplete(ChannelFuture future) {
        if (future.isSuccess()) {
            written = true;
        } else if (connection != null && future.channel() == connection.channel) {
            failed(future.cause());
        }
    }

    /** From the connection: a message of the answer. */
    final void read(Object message) {
        lastRead = System.nanoTime();
        try {
            if (message instanceof HttpResponse response) {
                if (response.decoderResult().isFailure()) {
                    failed(response.decoderResult().cause());
                    return;
                }
                int code = response.status().code();
                informational = code / 100 == 1;
                if (!informational) {
                    status = code;
                    headers = response.headers();
                    keepAlive = HttpUtil.isKeepAlive(response);
                    head(code, response.headers());
                }
            }
            if (message instanceof HttpContent chunk && !finished) {
                if (chunk.decoderResult().isFailure()) {
                    failed(chunk.decoderResult().cause());
                    return;
                }
                boolean last = chunk instanceof LastHttpContent;
                if (informational) {
                    informational = !last;
                    return;
                }
                if (chunk.content().isReadable()) {
                    content(chunk.content());
                }
                if (last && !finished) {
                    finish();
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    /** From the connection: what one read from the network delivered has been handed on. */
    final void readComplete() {
        if (!finished && connection != null && (status < 0 || wantsMore())) {
            connection.channel.read();
        }
    }

    /** The subclass wants more after a pause: reading resumes, and the silence is counted from now. */
    final void resume() {
        if (!finished && connection != null) {
            lastRead = System.nanoTime();
            connection.channel.read();
        }
    }

    private void finish() {
        finished = true;
        var done = connection;
        connection = null;
        if (done != null) {
            done.exchange = null;
            if (keepAlive && written && !cancelled) {
                pool.release(done);
            } else {
                done.channel.close();
            }
        }
        end();
    }

    /** From the connection: it closed under this exchange. */
    final void closed() {
        connection = null;
        if (finished) {
            return;
        }
        if (!retry()) {
            fail(new UpstreamClosedException(status < 0));
        }
    }

    /** From the connection or a write: the exchange cannot go on on this connection. */
    final void failed(Throwable cause) {
        if (finished) {
            return;
        }
        if (cause instanceof PrematureChannelClosureException) {
            cause = new UpstreamClosedException(status < 0);
        }
        if (!(cause instanceof IOException) || !retry()) {
            fail(cause);
        }
    }

    /** A reused connection the provider had closed before this request: once more on a new one. */
    private boolean retry() {
        if (!reused || retried || status >= 0 || informational || cancelled || pool == null) {
            return false;
        }
        retried = true;
        reused = false;
        written = false;
        var stale = connection;
        connection = null;
        if (stale != null) {
            stale.exchange = null;
            stale.channel.close();
        }
        pool.acquire(this, true);
        return true;
    }

    private void fail(Throwable cause) {
        if (stop()) {
            error(cause);
        }
    }

    /** Ends the exchange once: its wait for a connection cancelled, its connection closed; false when it had ended. */
    private boolean stop() {
        if (finished) {
            return false;
        }
        finished = true;
        stopWaiting();
        closeConnection();
        return true;
    }

    private void closeConnection() {
        var open = connection;
        connection = null;
        if (open != null) {
            open.exchange = null;
            open.channel.close();
        }
    }

    /**
     * The response timeout's check, by its connection's timer: the nanoseconds left before the provider's silence
     * is too long, or 0 when it is (the exchange fails) or the exchange is over.
     */
    final long timeLeft(long now) {
        if (finished) {
            return 0;
        }
        if (status >= 0 && !wantsMore()) {
            // paused: the silence is the subscriber's, not the provider's
            lastRead = now;
        }
        long silent = now - lastRead;
        if (silent >= responseTimeoutNanos) {
            fail(ReadTimeoutException.INSTANCE);
            return 0;
        }
        return responseTimeoutNanos - silent;
    }

    /** The subscriber went away: a connection in use is closed, never reused. */
    @Override
    public final void cancel() {
        cancelled = true;
        if (loop.inEventLoop()) {
            abandon();
        } else {
            try {
                loop.execute(this::abandon);
            } catch (RejectedExecutionException stopped) {
                // the event loop is gone, and the connection with it
            }
        }
    }

    private void abandon() {
        if (stop() && pool != null) {
            pool.forget(this);
        }
    }
}
