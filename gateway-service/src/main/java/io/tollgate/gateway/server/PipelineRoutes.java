package io.tollgate.gateway.server;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Requests served on a connection's own pipeline, ahead of Reactor Netty's HTTP server: its handler sees every decoded
 * request first and passes on those it does not serve.
 */
public interface PipelineRoutes {

    /** The handler of one new connection. */
    ChannelHandler newConnectionHandler();

    /** Whether a message written to the client ends a response (a 100 Continue is a whole one, but its request goes on). */
    static boolean endsResponse(Object msg) {
        return msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
    }
}
