package io.tollgate.gateway.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.tollgate.gateway.server.PipelineRoutes;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One client connection's requests, in the order they came: a model request is served here ({@link ModelExchange})
 * from its head to its response's end; any other request goes on to Reactor Netty, whose responses pass back through
 * here. A request that arrives while a response is still owed (a pipelining client) waits, with all that follows it,
 * until that response has ended. Runs on the connection's event loop.
 *
 * <p>The body of a request passed on must end within the body timeout too, or the connection is closed. This is not
 * left to Reactor Netty's request timeout: when a response ends before its request's last (empty) piece has been read,
 * as the health checks' do, Reactor Netty never cancels that timer, and it holds the request's objects (2.7 KB) until
 * it fires, 30 s later: a gigabyte at 12,000 such requests a second.
 */
final class ModelConnection extends ChannelDuplexHandler {

    private final ModelRoutes routes;
    private @Nullable ChannelHandlerContext context;
    /** The model request being served, from its head to its response's end. */
    private @Nullable ModelExchange exchange;
    /** The model request whose body is arriving; null while a body goes on to Reactor Netty. */
    private @Nullable ModelExchange receiving;
    /** Requests passed on whose responses have not ended. */
    private int passedOn;
    /** The body of a request passed on is still arriving. */
    private boolean passingBody;
    private @Nullable ScheduledFuture<?> passedBodyTimer;
    private @Nullable ArrayDeque<Object> held;

    ModelConnection(ModelRoutes routes) {
        this.routes = routes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (held != null && !held.isEmpty()) {
            held.add(msg);
            return;
        }
        read(ctx, msg);
    }

    private void read(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            if (exchange != null || passedOn > 0) {
                hold(msg);
                return;
            }
            var route = routes.route(request);
            if (route == null) {
                passedOn++;
                passingBody = !(msg instanceof LastHttpContent);
                ctx.fireChannelRead(msg);
                return;
            }
            var started = new ModelExchange(routes, this, ctx, request, route);
            exchange = started;
            receiving = started;
            started.begin();
            if (msg instanceof HttpContent content) {
                receive(content);
            }
            return;
        }
        if (receiving != null && msg instanceof HttpContent content) {
            receive(content);
            return;
        }
        if (passingBody && msg instanceof LastHttpContent) {
            passedBodyEnded();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (receiving != null) {
            receiving.awaitBody();
        } else if (passingBody && passedBodyTimer == null) {
            passedBodyTimer = ctx.executor().schedule(() -> {
                passedBodyTimer = null;
                if (passingBody) {
                    ctx.close();
                }
            }, routes.bodyTimeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelReadComplete();
    }

    private void passedBodyEnded() {
        passingBody = false;
        if (passedBodyTimer != null) {
            passedBodyTimer.cancel(false);
            passedBodyTimer = null;
        }
    }

    private void receive(HttpContent content) {
        var target = receiving;
        if (!(content instanceof LastHttpContent)) {
            target.content(content);
            return;
        }
        receiving = null;
        target.content(content);
        if (exchange == null) {
            // it was answered before its body ended (a refusal): on to the next request
            next();
        }
    }

    private void hold(Object msg) {
        if (held == null) {
            held = new ArrayDeque<>();
        }
        held.add(msg);
    }

    /** From the exchange: its response has ended (or its client went away); the next request may be served. */
    void ended(ModelExchange ended) {
        if (exchange == ended) {
            exchange = null;
        }
        next();
    }

    /** Serves what waited, up to the next request that must wait again; then reads on. */
    private void next() {
        var ctx = context;
        while (held != null && !held.isEmpty()) {
            Object msg = held.peek();
            if (msg instanceof HttpRequest && (exchange != null || passedOn > 0)) {
                return;
            }
            read(ctx, held.poll());
        }
        if (exchange == null && passedOn == 0 && !ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // only a response to a request passed on comes through here: an exchange writes ahead of this handler
        if (PipelineRoutes.endsResponse(msg) && passedOn > 0) {
            passedOn--;
            if (passedOn == 0 && held != null && !held.isEmpty()) {
                ctx.write(msg, promise);
                ctx.executor().execute(this::next);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null && ctx.channel().isWritable()) {
            exchange.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        passedBodyEnded();
        if (exchange != null) {
            exchange.abandon();
        }
        if (receiving != null && receiving != exchange) {
            receiving.abandon();
        }
        discardHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardHeld();
    }

    private void discardHeld() {
        if (held != null) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
        }
    }
}
