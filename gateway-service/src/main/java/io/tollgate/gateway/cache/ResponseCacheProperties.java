package io.tollgate.gateway.cache;

import io.tollgate.gateway.limits.LimitsProperties;
import io.tollgate.model.crypto.Redacted;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The exact response cache.
 *
 * @param maxBytes      the most answer bytes (plus a fixed overhead per entry) kept in memory; the least used go
 *                      first (without Redis)
 * @param defaultTtl    how long an answer is kept when the request sends no {@code x-tollgate-cache-ttl}
 * @param maxTtl        the longest a request may ask for; a longer one is cut to this
 * @param maxEntryBytes the largest answer kept; a larger one is served but not kept
 * @param redisUrl      Redis shared by the replicas ({@code redis://host:6379}); empty: answers are kept in memory
 * @param redisTimeout  the longest a lookup waits for Redis before it counts as a miss
 */
@ConfigurationProperties("tollgate.gateway.cache")
@Validated
public record ResponseCacheProperties(@DefaultValue("64MB") DataSize maxBytes,
                                      @DefaultValue("5m") @DurationMin(millis = 1) Duration defaultTtl,
                                      @DefaultValue("1h") @DurationMin(millis = 1) Duration maxTtl,
                                      @DefaultValue("1MB") DataSize maxEntryBytes,
                                      @DefaultValue("") @Pattern(regexp = LimitsProperties.REDIS_URL,
                                              message = LimitsProperties.REDIS_URL_MESSAGE) String redisUrl,
                                      @DefaultValue("250ms") @DurationMin(millis = 1) Duration redisTimeout) {

    public ResponseCacheProperties {
        if (maxBytes.toBytes() < 0 || maxEntryBytes.toBytes() < 0) {
            throw new IllegalArgumentException("tollgate.gateway.cache max-bytes and max-entry-bytes must not be negative");
        }
        if (defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("tollgate.gateway.cache.default-ttl must not exceed max-ttl");
        }
    }

    public boolean redisEnabled() {
        return !redisUrl.isBlank();
    }

    /** The Redis URL without its password. */
    @Override
    public String toString() {
        return "ResponseCacheProperties[maxBytes=" + maxBytes + ", defaultTtl=" + defaultTtl + ", maxTtl=" + maxTtl
                + ", maxEntryBytes=" + maxEntryBytes + ", redisUrl=" + Redacted.url(redisUrl) + ", redisTimeout="
                + redisTimeout + "]";
    }
}
