package io.tollgate.gateway.limits;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import io.tollgate.model.crypto.Redacted;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * @param promptReservation  what a token limit reserves for the prompt: COUNTED, its exact o200k_base count; BOUND,
 *                           an upper bound taken without counting (a part's remembered count, else its UTF-8 bytes),
 *                           settled with the provider's usage like the completion's reservation
 */
@ConfigurationProperties("tollgate.gateway.limits")
@Validated
public record LimitsProperties(@DefaultValue("") @Pattern(regexp = REDIS_URL, message = REDIS_URL_MESSAGE)
                               String redisUrl,
                               @DefaultValue("OPEN") FailMode redisFailMode,
                               @DefaultValue("250ms") @DurationMin(millis = 1) Duration redisTimeout,
                               @DefaultValue("EXACT") RedisSync redisSync,
                               @DefaultValue("100ms") @DurationMin(millis = 1) Duration relaxedSyncPeriod,
                               @DefaultValue("1024") @Positive int defaultMaxTokens,
                               @DefaultValue("1m") @DurationMin(millis = 1) Duration outageLogInterval,
                               @DefaultValue("COUNTED") PromptReservation promptReservation) {

    /** Empty, or a URL Lettuce understands: {@code redis://}, {@code rediss://}, with or without sentinel. */
    public static final String REDIS_URL = "|rediss?(-sentinel)?://.+";
    public static final String REDIS_URL_MESSAGE = "must be empty or a redis:// or rediss:// URL";

    public enum FailMode { OPEN, CLOSED }

    public enum RedisSync { EXACT, RELAXED }

    public enum PromptReservation { COUNTED, BOUND }

    public boolean redisEnabled() {
        return !redisUrl.isBlank();
    }

    /** The Redis URL's password never shows. */
    @Override
    public String toString() {
        return "LimitsProperties[redisUrl=" + Redacted.url(redisUrl) + ", redisFailMode=" + redisFailMode
                + ", redisTimeout=" + redisTimeout + ", redisSync=" + redisSync + ", relaxedSyncPeriod="
                + relaxedSyncPeriod + ", defaultMaxTokens=" + defaultMaxTokens + ", outageLogInterval="
                + outageLogInterval + ", promptReservation=" + promptReservation + "]";
    }
}
