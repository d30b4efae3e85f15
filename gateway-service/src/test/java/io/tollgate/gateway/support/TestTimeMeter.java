package io.tollgate.gateway.support;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The rate limits' time in tests: standing still until a test moves it, so bucket contents are exact and a refill
 * needs no sleeping. Only the limits read it; the rest of the gateway keeps the real clock.
 */
public final class TestTimeMeter implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestTimeMeter testTimeMeter() {
            return new TestTimeMeter();
        }
    }
}
