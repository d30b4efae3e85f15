package io.tollgate.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link ServerProperties} to Reactor Netty: on every connection a {@link ConnectionGuard} right behind the
 * HTTP decoder, so it sees every request and response: the idle timeout, the header timeout (a trickle of bytes resets
 * an idle timer, not this one), the connection cap, and the graceful stop. Behind the guard, the
 * {@link PipelineRoutes}' handler takes the requests it serves itself, and bounds the time of every request's body.
 */
@Component
class NettyServerSettings implements NettyServerCustomizer {

    private final ServerProperties properties;
    private final Connections connections;
    private final PipelineRoutes routes;

    NettyServerSettings(ServerProperties properties, Connections connections, PipelineRoutes routes) {
        this.properties = properties;
        this.connections = connections;
        this.routes = routes;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) == null) {
                return;
            }
            var guard = new ConnectionGuard(connections, properties.headerTimeout(), properties.idleTimeout());
            pipeline.addBefore(NettyPipeline.HttpCodec, "tollgate.firstByte", guard.firstByteWatch());
            pipeline.addAfter(NettyPipeline.HttpCodec, "tollgate.connectionGuard", guard);
            pipeline.addAfter("tollgate.connectionGuard", "tollgate.routes", routes.newConnectionHandler());
        });
    }
}
