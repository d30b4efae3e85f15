package io.tollgate.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failover and circuit breaking.
 *
 * @param deadline                 no new attempt (failover or fallback) starts after the request is this old
 * @param retryRatio               retries per model at most this share of its requests in a {@code retryWindow}, so
 *                                 a provider outage does not multiply the load on the others
 * @param minRetriesPerWindow      retries always allowed per model and window, whatever the ratio
 * @param breakerWindow            calls per deployment the breaker's failure rate is computed over
 * @param breakerMinimumCalls      calls before the breaker may open
 * @param breakerFailureRate       failure rate (percent) that opens the breaker
 * @param breakerSlowCall          a call slower than this counts as slow
 * @param breakerSlowCallRate      share (percent) of slow calls that opens the breaker
 * @param breakerOpenFor           how long an open breaker keeps its deployment out of the rotation
 * @param breakerHalfOpenProbes    trial calls of a half-open breaker before it closes again
 * @param redisUrl                 the Redis through which replicas share breaker state and provider capacity use
 *                                 ({@code TOLLGATE_REDIS_URL}, the limits' Redis); empty: each replica keeps its own
 * @param redisTimeout             the longest the background sync waits for Redis before it gives up for the round
 * @param sharedSyncInterval       how often a replica tells Redis what it used and opened, and reads what the others
 *                                 did; while Redis has not answered for three intervals (2 s at least), each replica counts alone
 */
@ConfigurationProperties("tollgate.gateway.routing")
public record RoutingProperties(@DefaultValue("120s") Duration deadline,
                                @DefaultValue("0.2") double retryRatio,
                                @DefaultValue("10s") Duration retryWindow,
                                @DefaultValue("10") int minRetriesPerWindow,
                                @DefaultValue("20") int breakerWindow,
                                @DefaultValue("5") int breakerMinimumCalls,
                                @DefaultValue("50") float breakerFailureRate,
                                @DefaultValue("60s") Duration breakerSlowCall,
                                @DefaultValue("100") float breakerSlowCallRate,
                                @DefaultValue("30s") Duration breakerOpenFor,
                                @DefaultValue("2") int breakerHalfOpenProbes,
                                @DefaultValue("") String redisUrl,
                                @DefaultValue("250ms") Duration redisTimeout,
                                @DefaultValue("250ms") Duration sharedSyncInterval) {

    public boolean shared() {
        return !redisUrl.isBlank();
    }
}
