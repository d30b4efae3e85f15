package io.tollgate.gateway.routing;

import io.tollgate.gateway.limits.LimitsProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import io.tollgate.model.crypto.Redacted;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Failover and circuit breaking.
 *
 * @param deadline                 no new attempt (failover or fallback) starts after the request is this old
 * @param retryRatio               retries per model at most this share of its requests in a {@code retryWindow}, so
 *                                 a provider outage does not multiply the load on the others
 * @param minRetriesPerWindow      retries always allowed per model and window, whatever the ratio
 * @param breakerWindow            how far back, per deployment, the breaker's failure rate looks: the calls that ended
 *                                 in the last this many seconds (whole seconds, rounded up; a plain number is seconds;
 *                                 at most an hour, since the window keeps a node per second for each deployment)
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
 * @param publishInterval          how often a replica writes what it knows of each deployment to PostgreSQL for the
 *                                 portal's live routing view
 */
@ConfigurationProperties("tollgate.gateway.routing")
@Validated
public record RoutingProperties(@DefaultValue("120s") @DurationMin(millis = 1) Duration deadline,
                                @DefaultValue("0.2") @PositiveOrZero double retryRatio,
                                @DefaultValue("10s") @DurationMin(millis = 1) Duration retryWindow,
                                @DefaultValue("10") @PositiveOrZero int minRetriesPerWindow,
                                @DefaultValue("20s") @DurationUnit(ChronoUnit.SECONDS) @DurationMin(seconds = 2)
                                @DurationMax(hours = 1) Duration breakerWindow,
                                @DefaultValue("5") @Positive int breakerMinimumCalls,
                                @DefaultValue("50") @Positive @Max(100) float breakerFailureRate,
                                @DefaultValue("60s") @DurationMin(millis = 1) Duration breakerSlowCall,
                                @DefaultValue("100") @Positive @Max(100) float breakerSlowCallRate,
                                @DefaultValue("30s") @DurationMin(millis = 1) Duration breakerOpenFor,
                                @DefaultValue("2") @Positive int breakerHalfOpenProbes,
                                @DefaultValue("")
                                @Pattern(regexp = LimitsProperties.REDIS_URL, message = LimitsProperties.REDIS_URL_MESSAGE)
                                String redisUrl,
                                @DefaultValue("250ms") @DurationMin(millis = 1) Duration redisTimeout,
                                @DefaultValue("250ms") @DurationMin(millis = 1) Duration sharedSyncInterval,
                                @DefaultValue("2s") @DurationMin(millis = 10) Duration publishInterval) {

    /** The breaker's window in the whole seconds its sliding window counts in. */
    public int breakerWindowSeconds() {
        return (int) Math.ceilDiv(breakerWindow.toMillis(), 1000);
    }

    public boolean shared() {
        return !redisUrl.isBlank();
    }

    /** The Redis URL's password never shows. */
    @Override
    public String toString() {
        return "RoutingProperties[deadline=" + deadline + ", retryRatio=" + retryRatio + ", retryWindow=" + retryWindow
                + ", minRetriesPerWindow=" + minRetriesPerWindow + ", breakerWindow=" + breakerWindow
                + ", breakerMinimumCalls=" + breakerMinimumCalls + ", breakerFailureRate=" + breakerFailureRate
                + ", breakerSlowCall=" + breakerSlowCall + ", breakerSlowCallRate=" + breakerSlowCallRate
                + ", breakerOpenFor=" + breakerOpenFor + ", breakerHalfOpenProbes=" + breakerHalfOpenProbes
                + ", redisUrl=" + Redacted.url(redisUrl) + ", redisTimeout=" + redisTimeout
                + ", sharedSyncInterval=" + sharedSyncInterval + ", publishInterval=" + publishInterval + "]";
    }
}
