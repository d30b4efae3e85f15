package io.tollgate.gateway.server;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import reactor.netty.ReactorNetty;

/**
 * Sizes the event loops, which serve clients and provider calls alike, from {@value #PROPERTY} before they exist
 * (Reactor Netty reads its {@value ReactorNetty#IO_WORKER_COUNT} once, when it loads): one per core by default, as
 * nginx's {@code worker_processes auto}. Reactor Netty's own default, at least four, suits servers whose handlers
 * may block a loop; the gateway's never do (BlockHound holds them to it), and on fewer cores than four, loops that
 * take turns on a core wait for each other and each turn serves fewer connections (docs/benchmarks.md). An
 * operator's {@code -Dreactor.netty.ioWorkerCount} wins. The gateway's main class registers it, not spring.factories,
 * through which it would size the loops of any application with the gateway's jar on its class path.
 */
public final class EventLoops implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String PROPERTY = "tollgate.gateway.server.event-loops";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        size(event.getEnvironment());
    }

    static void size(Environment environment) {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) != null) {
            return;
        }
        int configured;
        try {
            configured = environment.getProperty(PROPERTY, Integer.class, 0);
        } catch (RuntimeException notANumber) {
            return; // binding ServerProperties refuses it, with the property's name
        }
        if (configured >= 0) {
            int loops = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, Integer.toString(loops));
        }
    }
}
