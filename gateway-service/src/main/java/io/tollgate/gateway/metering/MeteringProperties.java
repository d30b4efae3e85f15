package io.tollgate.gateway.metering;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize      events per INSERT
 * @param flushInterval  the longest an event waits in memory before its batch is written
 * @param spoolDirectory where events wait while PostgreSQL is unreachable (one gateway per directory at a time)
 * @param retryInterval  how often the spool tries to reach PostgreSQL again
 * @param tokenCountCacheChars how many characters of prompt text the token counter remembers counts for (0: none)
 */
@ConfigurationProperties("tollgate.gateway.metering")
public record MeteringProperties(@DefaultValue("500") int batchSize,
                                 @DefaultValue("200ms") Duration flushInterval,
                                 Path spoolDirectory,
                                 @DefaultValue("1s") Duration retryInterval,
                                 @DefaultValue("8000000") long tokenCountCacheChars) {
}
