package io.tollgate.billing.jobs;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled       whether this instance schedules the jobs at all (tests and tools turn it off)
 * @param lockAtMostFor how long a crashed instance may hold a job's lock before another takes over
 */
@ConfigurationProperties("tollgate.billing.jobs")
@Validated
public record JobsProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("30m") @DurationMin(seconds = 1) Duration lockAtMostFor) {
}
