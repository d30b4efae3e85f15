package io.tollgate.gateway.metering;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize      the most events written in one transaction
 * @param flushInterval  the longest an event waits before its batch is written
 * @param spoolDirectory where the usage journal lives (one gateway per directory at a time; keep it across restarts
 *                       so a crashed gateway's events are replayed)
 * @param spoolMaxBytes  the journal's disk budget: at it, new model requests are refused with 503
 *                       {@code metering_unavailable} rather than served unmetered
 * @param fsyncInterval  how often the journal is forced to the storage device, what a machine crash can lose at
 *                       most ({@code 0}: never, left to the operating system; a process crash loses nothing either way)
 * @param retryInterval  how often the worker tries to reach PostgreSQL again
 * @param tokenCountCacheBytes how many bytes of prompt text (as the body writes it) the token counter remembers counts
 *                             for (0: none)
 */
@ConfigurationProperties("tollgate.gateway.metering")
@Validated
public record MeteringProperties(@DefaultValue("2000") @Positive int batchSize,
                                 @DefaultValue("200ms") @DurationMin(millis = 1) Duration flushInterval,
                                 @NotNull Path spoolDirectory,
                                 @DefaultValue("1GB") DataSize spoolMaxBytes,
                                 @DefaultValue("1s") @DurationMin(millis = 0, message = "must not be negative")
                                 Duration fsyncInterval,
                                 @DefaultValue("1s") @DurationMin(millis = 1) Duration retryInterval,
                                 @DefaultValue("8000000") @PositiveOrZero long tokenCountCacheBytes) {

    public MeteringProperties {
        if (spoolMaxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("tollgate.gateway.metering.spool-max-bytes must be positive, not "
                    + spoolMaxBytes);
        }
    }

    /** The smallest journal segment. */
    static final long SMALLEST_SEGMENT = 64L << 10;

    /** A sixteenth of the budget, between 64 KiB and 64 MiB: the budget is kept to within one segment. */
    long segmentBytes() {
        return Math.clamp(spoolMaxBytes.toBytes() / 16, SMALLEST_SEGMENT, 64L << 20);
    }
}
