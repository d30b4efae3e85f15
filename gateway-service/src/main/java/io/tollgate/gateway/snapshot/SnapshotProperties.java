package io.tollgate.gateway.snapshot;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param fullReloadInterval the safety net: a full reload even without notifications
 * @param debounce           how long to gather a burst of change notifications before one reload
 * @param retryInterval      the wait between attempts to reach the database while it is down
 * @param maxAge             the oldest a snapshot may be for the gateway to report ready (the database down, or
 *                           the refresher stuck, for longer than that: take it out of the load balancer)
 */
@ConfigurationProperties("tollgate.gateway.snapshot")
@Validated
public record SnapshotProperties(@DefaultValue("60s") @DurationMin(millis = 1) Duration fullReloadInterval,
                                 @DefaultValue("50ms") @DurationMin(millis = 0, message = "must not be negative")
                                 Duration debounce,
                                 @DefaultValue("1s") @DurationMin(millis = 1) Duration retryInterval,
                                 @DefaultValue("5m") @DurationMin(millis = 1) Duration maxAge) {
}
