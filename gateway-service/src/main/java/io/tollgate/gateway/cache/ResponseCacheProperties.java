package io.tollgate.gateway.cache;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The exact response cache.
 *
 * @param maxBytes   the most answer bytes (plus a fixed overhead per entry) kept in memory; the least used go first
 * @param defaultTtl how long an answer is kept when the request sends no {@code x-tollgate-cache-ttl}
 * @param maxTtl     the longest a request may ask for; a longer one is cut to this
 */
@ConfigurationProperties("tollgate.gateway.cache")
@Validated
public record ResponseCacheProperties(@DefaultValue("64MB") DataSize maxBytes,
                                      @DefaultValue("5m") @DurationMin(millis = 1) Duration defaultTtl,
                                      @DefaultValue("1h") @DurationMin(millis = 1) Duration maxTtl) {

    public ResponseCacheProperties {
        if (maxBytes.toBytes() < 0) {
            throw new IllegalArgumentException("tollgate.gateway.cache.max-bytes must not be negative");
        }
        if (defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("tollgate.gateway.cache.default-ttl must not exceed max-ttl");
        }
    }
}
