package io.tollgate.billing.rollup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param safetyLag   events ingested less than this long ago wait for the next run; covers the instant between a
 *                    writer evaluating {@code ingested_at} and its transaction becoming visible as open
 * @param maxWindow   the most ingestion time one transaction folds, so a long backlog commits in bounded steps
 * @param workMem     PostgreSQL work_mem of a rollup transaction, enough to aggregate a window in memory
 */
@ConfigurationProperties("tollgate.billing.rollup")
public record RollupProperties(@DefaultValue("5s") Duration safetyLag, @DefaultValue("1h") Duration maxWindow,
                               @DefaultValue("256MB") String workMem) {
}
