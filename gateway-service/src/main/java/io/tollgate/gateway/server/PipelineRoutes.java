package io.tollgate.gateway.server;

import io.netty.channel.ChannelHandler;

/**
 * Requests served on a connection's own pipeline, ahead of Reactor Netty's HTTP server: its handler sees every decoded
 * request first and passes on those it does not serve.
 */
public interface PipelineRoutes {

    /** The handler of one new connection. */
    ChannelHandler newConnectionHandler();
}
