package io.tollgate.gateway.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's open client connections: their count against the cap, and the two steps of a stop. When draining
 * starts, idle connections are closed and every response from then on says {@code Connection: close}; at the end,
 * right before the metering's final drain, whatever is still open is closed, so nothing is served after it.
 */
@Component
public class Connections implements SmartLifecycle {

    private static final Duration IDLE_POLL = Duration.ofMillis(10);

    private final Set<ConnectionGuard> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final ServerProperties properties;
    private volatile boolean draining;
    private volatile boolean closed;
    private volatile boolean running;

    public Connections(ServerProperties properties) {
        this.properties = properties;
    }

    /** Whether a new connection may stay open. */
    boolean opened(ConnectionGuard connection) {
        open.add(connection);
        return count.incrementAndGet() <= properties.maxConnections() && !closed;
    }

    void busy(boolean started) {
        busy.addAndGet(started ? 1 : -1);
    }

    void closed(ConnectionGuard connection) {
        if (open.remove(connection)) {
            count.decrementAndGet();
        }
    }

    /** Readiness goes false; idle connections are closed, busy ones after their response. */
    void drain() {
        draining = true;
        open.forEach(ConnectionGuard::drain);
    }

    /**
     * Waits until no connection has a request in flight, at most {@code limit}: the web server's own graceful stop
     * waits only for the requests Reactor Netty serves, not for those served on the pipeline ({@link PipelineRoutes}).
     */
    void awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (busy.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(IDLE_POLL);
        }
    }

    public boolean draining() {
        return draining;
    }

    /** Open connections. */
    public int count() {
        return count.get();
    }

    /** Connections with a request in flight. */
    public int busy() {
        return busy.get();
    }

    /** Also after a stop: a stopped context can be started again (the test framework pauses cached contexts so). */
    @Override
    public void start() {
        draining = false;
        closed = false;
        running = true;
    }

    /** Closes every connection still open: the web server has finished or given up its graceful shutdown. */
    @Override
    public void stop() {
        draining = true;
        closed = true;
        open.forEach(ConnectionGuard::close);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server, right before the metering worker (phase 0) drains for the last time. */
    @Override
    public int getPhase() {
        return 1;
    }
}
