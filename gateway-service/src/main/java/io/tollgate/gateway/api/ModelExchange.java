package io.tollgate.gateway.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.tollgate.gateway.api.ModelRequestHandler.Arrival;
import io.tollgate.gateway.api.ModelRoutes.Route;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/**
 * One model request on its connection: the guards on its head, its body gathered (refused past the size limit or the
 * body timeout), the handler's reply written as one JSON response or as server-sent events ({@link EventStreamWriter}),
 * and its abandonment when the client goes away, which cancels the handler's work (the request then ends as abandoned,
 * and is metered so). Runs on the connection's event loop; the handler's reply may come from another thread.
 */
final class ModelExchange implements CoreSubscriber<Reply> {

    private static final Rejection BODY_UNREADABLE = Rejection.invalidRequest(null, "invalid_body",
            "The request body could not be read.");

    private final ModelRoutes routes;
    private final ModelConnection connection;
    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final Arrival arrival;
    /**
     * Every header name set on a response is one of the gateway's constants, so names are not checked again for each
     * request (0.7% of the CPU samples went to checking the three rate-limit headers' names); values still are, as some
     * come from a provider or a client.
     */
    private static final DefaultHttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withNameValidation(false);

    private final HttpHeaders responseHeaders = RESPONSE_HEADERS.newHeaders();
    private final boolean keepAlive;
    private @Nullable BodyReader body;
    private @Nullable ScheduledFuture<?> bodyTimer;
    private volatile @Nullable Subscription handling;
    private @Nullable EventStreamWriter stream;
    /** A response has been started: nothing else is written. */
    private boolean answered;
    /** The response has ended, or the client went away. */
    private boolean ended;

    ModelExchange(ModelRoutes routes, ModelConnection connection, ChannelHandlerContext ctx, HttpRequest request,
                  Route route) {
        this.routes = routes;
        this.connection = connection;
        this.ctx = ctx;
        this.request = request;
        this.keepAlive = HttpUtil.isKeepAlive(request);
        String requestId = RequestIds.resolve(request.headers().get(RequestIds.HEADER));
        responseHeaders.set(RequestIds.HEADER_NAME, requestId);
        this.arrival = new Arrival(route.endpoint(), route.countTokens(),
                new org.springframework.http.HttpHeaders(new Netty4HeadersAdapter(request.headers())),
                responseHeaders, requestId,
                routes.clock.instant(), System.nanoTime());
    }

    /**
     * The request's head has arrived: its body is read, or it is refused at once and its body is read and dropped.
     * Either way the body must end within the body timeout ({@link #awaitBody()}).
     */
    void begin() {
        routes.inFlight.started();
        boolean expectsContinue = HttpUtil.is100ContinueExpected(request);
        Reply.Json refusal;
        try {
            refusal = routes.models.admit(arrival);
        } catch (RuntimeException failure) {
            refusal = failed(failure);
        }
        if (refusal != null) {
            // a client waiting to be asked for its body is not asked: the connection closes instead
            writeJson(refusal, expectsContinue);
        } else {
            if (expectsContinue) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                        Unpooled.EMPTY_BUFFER));
            }
            body = new BodyReader(HttpUtil.getContentLength(request, -1L), routes.models.maxBodyBytes());
        }
        ctx.read();
    }

    /**
     * The connection has read all it had and the body has not ended: the body timeout starts, if it has not yet. (Most
     * bodies arrive with their head, and never start it.)
     */
    void awaitBody() {
        if (bodyTimer == null) {
            bodyTimer = ctx.executor().schedule(this::bodyTimedOut, routes.bodyTimeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A piece of the body; read on, or with the last piece the request goes to the handler. */
    void content(HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                // the connection's bytes no longer make sense as HTTP
                body = null;
                writeJson(refused(BODY_UNREADABLE), true);
            } else if (body != null && !body.append(content.content())) {
                body = null;
                writeJson(refused(BodyReader.tooLarge(routes.models.maxBodyBytes())), false);
            }
        } finally {
            content.release();
        }
        if (!(content instanceof LastHttpContent)) {
            ctx.read();
            return;
        }
        cancelBodyTimer();
        if (body != null) {
            byte[] bytes = body.bytes();
            body = null;
            handle(bytes);
        }
    }

    private void handle(byte[] bytes) {
        Mono<Reply> reply;
        try {
            reply = routes.models.handle(arrival, bytes);
        } catch (RuntimeException failure) {
            onError(failure);
            return;
        }
        reply.subscribe(this);
    }

    /** A body still arriving at the timeout is refused (if it was to be read) and its connection closed. */
    private void bodyTimedOut() {
        bodyTimer = null;
        if (body != null) {
            body = null;
            writeJson(refused(new Rejection(408, Rejection.INVALID_REQUEST, null, "request_timeout",
                    "The request body did not arrive in time.")), true);
        } else {
            ctx.close();
        }
    }

    private void cancelBodyTimer() {
        if (bodyTimer != null) {
            bodyTimer.cancel(false);
            bodyTimer = null;
        }
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        handling = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Reply reply) {
        onLoop(() -> answer(reply));
    }

    @Override
    public void onError(Throwable failure) {
        onLoop(() -> answer(failed(failure)));
    }

    @Override
    public void onComplete() {
        // the reply came with onNext
    }

    private void onLoop(Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
        } else {
            ctx.executor().execute(task);
        }
    }

    private void answer(Reply reply) {
        if (answered || ended) {
            if (reply instanceof Reply.EventStream events) {
                // a stream nobody will read still ends its request, as abandoned
                events.events().subscribe(new BaseSubscriber<>() {
                    @Override
                    protected void hookOnSubscribe(Subscription subscription) {
                        subscription.cancel();
                    }
                });
            }
            return;
        }
        switch (reply) {
            case Reply.Json json -> writeJson(json, false);
            case Reply.EventStream events -> {
                stream = new EventStreamWriter(this, ctx);
                events.events().subscribe(stream);
            }
        }
    }

    /** A whole JSON response; {@code close} closes the connection after it. */
    void writeJson(Reply.Json json, boolean close) {
        if (answered || ended) {
            return;
        }
        answered = true;
        responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, json.body().length);
        if (json.headerName() != null) {
            responseHeaders.set(json.headerName(), json.headerValue());
        }
        boolean keep = keepAlive && !close;
        HttpUtil.setKeepAlive(responseHeaders, HttpVersion.HTTP_1_1, keep);
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(json.status()),
                Unpooled.wrappedBuffer(json.body()), responseHeaders, EmptyHttpHeaders.INSTANCE);
        ctx.writeAndFlush(response).addListener(future -> responded(future.isSuccess(), keep));
    }

    /** The head of an event stream's response, written before its first event. */
    HttpResponse streamHead() {
        answered = true;
        responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_EVENT_STREAM)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        HttpUtil.setKeepAlive(responseHeaders, HttpVersion.HTTP_1_1, keepAlive);
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, responseHeaders);
    }

    /** A stream failed before its first event: it is answered like any other failure, as JSON. */
    void streamFailed(Throwable failure) {
        writeJson(failed(failure), false);
    }

    private Reply.Json refused(Rejection rejection) {
        return routes.errors.reply(arrival.endpoint().errorShape(), rejection);
    }

    /** A failure as the answer: a rejection as it is, anything else (logged) as an internal error. */
    private Reply.Json failed(Throwable failure) {
        return refused(routes.rejectionFor(request, failure));
    }

    /** The response's last byte was written, or failed to be. */
    void responded(boolean written, boolean keep) {
        end();
        if (!written || !keep || !keepAlive) {
            ctx.close();
        }
        connection.ended(this);
    }

    /** From the connection: there is room to write again. */
    void writable() {
        if (stream != null) {
            stream.writable();
        }
    }

    /** The client went away: what is still running for the request is cancelled. */
    void abandon() {
        cancelBodyTimer();
        if (ended) {
            return;
        }
        end();
        var subscription = handling;
        if (subscription != null) {
            subscription.cancel();
        }
        if (stream != null) {
            stream.cancel();
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            routes.inFlight.ended();
        }
    }
}
