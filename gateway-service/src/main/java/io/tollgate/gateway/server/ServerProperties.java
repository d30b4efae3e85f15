package io.tollgate.gateway.server;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the gateway's HTTP server, so a client cannot hold a connection for nothing.
 *
 * @param headerTimeout  from a request's first byte to the end of its headers; then the connection is closed
 * @param bodyTimeout    from the end of the headers to the end of the body; then 408 and the connection is closed
 * @param idleTimeout    how long a keep-alive connection may wait for its next request
 * @param maxConnections open connections at most; one more is closed at once
 * @param eventLoops     the event loops serving clients and provider calls; 0 for one per core ({@link EventLoops}
 *                       applies it before the loops start)
 */
@ConfigurationProperties("tollgate.gateway.server")
@Validated
public record ServerProperties(@DefaultValue("10s") @DurationMin(millis = 1) Duration headerTimeout,
                               @DefaultValue("30s") @DurationMin(millis = 1) Duration bodyTimeout,
                               @DefaultValue("60s") @DurationMin(millis = 1) Duration idleTimeout,
                               @DefaultValue("10000") @Positive int maxConnections,
                               @DefaultValue("0") @PositiveOrZero int eventLoops) {
}
