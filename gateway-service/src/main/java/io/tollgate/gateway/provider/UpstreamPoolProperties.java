package io.tollgate.gateway.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The keep-alive connection pool to providers. */
@ConfigurationProperties("tollgate.gateway.upstream")
public record UpstreamPoolProperties(@DefaultValue("1000") int maxConnections,
                                     @DefaultValue("10000") int maxPendingAcquires,
                                     @DefaultValue("30s") Duration maxIdleTime) {
}
