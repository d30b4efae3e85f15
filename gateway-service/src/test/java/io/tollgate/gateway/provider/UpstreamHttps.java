package io.tollgate.gateway.provider;

import java.time.Clock;
import java.time.Duration;
import reactor.netty.http.HttpResources;

/** Provider clients for tests and benches without a server: on Reactor Netty's global event loops. */
public final class UpstreamHttps {

    private UpstreamHttps() {
    }

    public static UpstreamHttp onGlobalLoops(int maxConnections, int maxPendingAcquires, Duration maxIdleTime) {
        return new UpstreamHttp(new UpstreamPoolProperties(maxConnections, maxPendingAcquires, maxIdleTime),
                Clock.systemUTC(), HttpResources::get);
    }
}
