package io.tollgate.gateway.server;

import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.ReactorNetty;
import reactor.netty.http.HttpResources;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerConfig;
import reactor.netty.resources.LoopResources;

/**
 * Applies {@link ServerProperties} to Reactor Netty: on every connection a {@link ConnectionGuard} right behind the
 * HTTP decoder, so it sees every request and response: the idle timeout, the header timeout (a trickle of bytes resets
 * an idle timer, not this one), the connection cap, and the graceful stop. Behind the guard, the
 * {@link PipelineRoutes}' handler takes the requests it serves itself, and bounds the time of every request's body.
 * It also logs which of the kernel's interfaces the event loops use: io_uring where the kernel allows it (Reactor
 * Netty's choice when its library is on the class path: one system call submits the reads and writes of a turn of
 * the loop for all its connections), epoll where it does not, as under a container runtime's default seccomp profile.
 */
@Component
class NettyServerSettings implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(NettyServerSettings.class);

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
        int loops = LoopResources.DEFAULT_IO_WORKER_COUNT;
        log.info("Event loops: {} on {}", loops, transport(server.configuration()));
        if (properties.eventLoops() > 0 && loops != properties.eventLoops()) {
            log.warn("Event loops: {} rather than the {} of {}: -D{} is set, or the gateway was started other than by "
                    + "its main class", loops, properties.eventLoops(), EventLoops.PROPERTY,
                    ReactorNetty.IO_WORKER_COUNT);
        }
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

    /** The interface of the server's event loops, and why not io_uring when it is not that. */
    static String transport(HttpServerConfig config) {
        LoopResources loops = Objects.requireNonNullElseGet(config.loopResources(), HttpResources::get);
        var channel = loops.onChannelClass(ServerSocketChannel.class, loops.onServer(config.isPreferNative()));
        if (IoUringServerSocketChannel.class.isAssignableFrom(channel)) {
            return "io_uring";
        }
        String name = EpollServerSocketChannel.class.isAssignableFrom(channel) ? "epoll" : channel.getSimpleName();
        Throwable cause = IoUring.unavailabilityCause();
        return cause == null ? name : name + " (io_uring unavailable: " + cause.getMessage() + ")";
    }
}
