package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    @Test
    void resets_are_written_as_openai_writes_them() {
        assertThat(RateLimitHeaders.duration(0)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(20).toNanos())).isEqualTo("20ms");
        assertThat(RateLimitHeaders.duration(1)).as("rounded up to the millisecond").isEqualTo("1ms");
        assertThat(RateLimitHeaders.duration(Duration.ofSeconds(1).toNanos())).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(1500).toNanos())).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.duration(Duration.ofMinutes(6).toNanos())).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(Duration.ofMillis(61_250).toNanos())).isEqualTo("1m1.25s");
        assertThat(RateLimitHeaders.duration(Duration.ofHours(24).toNanos())).isEqualTo("24h0m0s");
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(RateLimitHeaders.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofMillis(1200).toNanos())).isEqualTo(2);
        assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofSeconds(60).toNanos())).isEqualTo(60);
        assertThat(RateLimitHeaders.retryAfterSeconds(Long.MAX_VALUE)).isPositive();
    }

    @Test
    void each_kind_reports_the_limit_closest_to_exhaustion_and_unanswered_buckets_are_left_out() {
        var perMinute = new Limit(Limit.APP, LimitKind.REQUESTS_PER_MINUTE, 60, "a");
        var perHour = new Limit(Limit.TENANT, LimitKind.REQUESTS_PER_HOUR, 1000, "b");
        var tokens = new Limit(Limit.APP, LimitKind.TOKENS_PER_DAY, 10_000, "c");
        var headers = new DefaultHttpHeaders();

        RateLimitHeaders.write(headers, List.of(
                new Draw(perMinute, 1, ConsumptionProbe.consumed(40, Duration.ofSeconds(20).toNanos())),
                new Draw(perHour, 1, ConsumptionProbe.consumed(7, Duration.ofMinutes(59).toNanos())),
                new Draw(tokens, 500, null)));

        assertThat(headers.get("x-ratelimit-limit-requests")).isEqualTo("1000");
        assertThat(headers.get("x-ratelimit-remaining-requests")).isEqualTo("7");
        assertThat(headers.get("x-ratelimit-reset-requests")).isEqualTo("59m0s");
        assertThat(headers.contains("x-ratelimit-limit-tokens")).isFalse();
    }
}
