package io.tollgate.gateway.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the gateway's HTTP server, so a client cannot hold a connection for nothing.
 *
 * @param headerTimeout  from a request's first byte to the end of its headers; then the connection is closed
 * @param bodyTimeout    from the end of the headers to the end of the body; then 408 and the connection is closed
 * @param idleTimeout    how long a keep-alive connection may wait for its next request
 * @param maxConnections open connections at most; one more is closed at once
 */
@ConfigurationProperties("tollgate.gateway.server")
public record ServerProperties(@DefaultValue("10s") Duration headerTimeout,
                               @DefaultValue("30s") Duration bodyTimeout,
                               @DefaultValue("60s") Duration idleTimeout,
                               @DefaultValue("10000") int maxConnections) {
}
