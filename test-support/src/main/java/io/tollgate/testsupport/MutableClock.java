package io.tollgate.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/** A clock tests move by hand, e.g. through the months of a billing scenario. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile @Nullable Hold hold;

    private record Hold(Thread thread, CountDownLatch reached, CountDownLatch release) {
    }

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void set(String isoInstant) {
        now = Instant.parse(isoInstant);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * The next read on {@code thread} returns the time of that moment but only after {@code release} opened; it
     * counts {@code reached} down first, so a test can act while that thread holds a time that is getting old.
     */
    public void holdNextRead(Thread thread, CountDownLatch reached, CountDownLatch release) {
        hold = new Hold(thread, reached, release);
    }

    @Override
    public Instant instant() {
        Instant read = now;
        Hold current = hold;
        if (current != null && current.thread() == Thread.currentThread()) {
            hold = null;
            current.reached().countDown();
            try {
                current.release().await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
