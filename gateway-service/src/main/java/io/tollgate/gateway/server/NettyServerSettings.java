package io.tollgate.gateway.server;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Applies {@link ServerProperties} to Reactor Netty: its own idle timeout (waiting for a request) and request timeout
 * (reading a body), and on every connection a {@link ConnectionGuard} for what Reactor Netty does not offer: the
 * header timeout (a trickle of bytes resets an idle timer, not this one), the connection cap, and the graceful stop.
 */
@Component
class NettyServerSettings implements NettyServerCustomizer {

    private final ServerProperties properties;
    private final Connections connections;

    NettyServerSettings(ServerProperties properties, Connections connections) {
        this.properties = properties;
        this.connections = connections;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(properties.idleTimeout())
                .requestTimeout(properties.bodyTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    var pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpTrafficHandler) == null) {
                        return;
                    }
                    var guard = new ConnectionGuard(connections, properties.headerTimeout());
                    pipeline.addBefore(NettyPipeline.HttpCodec, "tollgate.firstByte", guard.firstByteWatch());
                    pipeline.addAfter(NettyPipeline.HttpTrafficHandler, "tollgate.connectionGuard", guard);
                });
    }
}
