package io.tollgate.gateway.server;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop, before the web server's graceful shutdown: readiness goes false, idle keep-alive
 * connections are closed and busy ones are told {@code Connection: close}. The web server then stops accepting and
 * waits for the requests in flight; {@link Connections} closes what is left; the metering drains last.
 */
@Component
class ServerDrain implements SmartLifecycle {

    private final Connections connections;
    private volatile boolean running;

    ServerDrain(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        connections.drain();
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
