package io.tollgate.billing.rollup;

import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param safetyLag   events ingested less than this long ago wait for the next run; covers the instant between a
 *                    writer evaluating {@code ingested_at} and its transaction becoming visible as open
 * @param maxWindow   the most ingestion time one transaction folds, so a long backlog commits in bounded steps
 * @param workMem     PostgreSQL work_mem of a rollup transaction, enough to aggregate a window in memory
 */
@ConfigurationProperties("tollgate.billing.rollup")
@Validated
public record RollupProperties(@DefaultValue("5s") @DurationMin(millis = 0, message = "must not be negative")
                               Duration safetyLag,
                               @DefaultValue("1h") @DurationMin(millis = 1) Duration maxWindow,
                               @DefaultValue("256MB")
                               @Pattern(regexp = "[0-9]+(B|kB|MB|GB|TB)?",
                                       message = "must be a PostgreSQL memory size such as 256MB")
                               String workMem) {
}
