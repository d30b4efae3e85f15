package io.tollgate.gateway.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param redisUrl           where the buckets live when several replicas share them ({@code redis://host:6379}); empty:
 *                           buckets are local to this gateway
 * @param redisFailMode      what a request gets while Redis is unreachable: OPEN lets it through unlimited (concurrency
 *                           and per-request maximums still hold), CLOSED refuses it with 503
 * @param redisTimeout       the longest a request waits for Redis before the fail mode applies
 * @param redisSync          EXACT: every check reaches Redis (concurrent checks of one bucket share a round trip);
 *                           RELAXED: each replica may run ahead of Redis by 1% of a limit (at least 1) for up to
 *                           {@code relaxedSyncPeriod}, which keeps most requests off Redis
 * @param relaxedSyncPeriod  how long a replica may run ahead of Redis in RELAXED mode
 * @param defaultMaxTokens   the completion tokens reserved for a request without max_tokens, when its model has no
 *                           max_output_tokens in the catalog
 * @param outageLogInterval  at most one warning per interval while the bucket store fails
 */
@ConfigurationProperties("tollgate.gateway.limits")
public record LimitsProperties(@DefaultValue("") String redisUrl,
                               @DefaultValue("OPEN") FailMode redisFailMode,
                               @DefaultValue("250ms") Duration redisTimeout,
                               @DefaultValue("EXACT") RedisSync redisSync,
                               @DefaultValue("100ms") Duration relaxedSyncPeriod,
                               @DefaultValue("1024") int defaultMaxTokens,
                               @DefaultValue("1m") Duration outageLogInterval) {

    public enum FailMode { OPEN, CLOSED }

    public enum RedisSync { EXACT, RELAXED }

    public boolean redisEnabled() {
        return !redisUrl.isBlank();
    }
}
