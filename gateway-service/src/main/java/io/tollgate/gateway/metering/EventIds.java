package io.tollgate.gateway.metering;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered (version 7) UUIDs for usage events: 48 bits of milliseconds and 74 random bits, so ids are unique
 * and inserts land near each other in the index. Uses no entropy source that could block the event loop.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID next(Instant at) {
        var random = ThreadLocalRandom.current();
        long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
