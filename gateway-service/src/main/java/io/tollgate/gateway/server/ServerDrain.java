package io.tollgate.gateway.server;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop, before the web server's graceful shutdown: readiness goes false, idle keep-alive
 * connections are closed and busy ones are told {@code Connection: close}, and the requests in flight are waited for
 * (at most the shutdown phase's timeout). The web server then stops accepting; {@link Connections} closes what is
 * left; the metering drains last.
 */
@Component
class ServerDrain implements SmartLifecycle {

    private final Connections connections;
    private final Duration limit;
    private volatile boolean running;

    ServerDrain(Connections connections, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration limit) {
        this.connections = connections;
        this.limit = limit;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        connections.drain();
        try {
            connections.awaitIdle(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (lifecycles stop from the highest phase down). */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
