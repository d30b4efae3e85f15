package io.tollgate.gateway.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/**
 * Bucket4j's time from the gateway's clock: wall-clock time, as buckets shared through Redis need, in whole
 * milliseconds as Bucket4j's own wall clock has it (the system clock's millisecond reading is the cheaper call, and
 * buckets are drawn several times a request).
 */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
