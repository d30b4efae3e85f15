package io.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading OpenAI's and Azure OpenAI's {@code x-ratelimit-*} headers and Anthropic's {@code anthropic-ratelimit-*}. */
class ProviderRateLimitsTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void reset_durations_are_read_in_gos_notation() {
        assertThat(ProviderRateLimits.durationNanos("1s")).isEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(ProviderRateLimits.durationNanos("6m0s")).isEqualTo(Duration.ofMinutes(6).toNanos());
        assertThat(ProviderRateLimits.durationNanos("120ms")).isEqualTo(Duration.ofMillis(120).toNanos());
        assertThat(ProviderRateLimits.durationNanos("1h2m3.5s")).isEqualTo(Duration.ofSeconds(3723, 500_000_000).toNanos());
        assertThat(ProviderRateLimits.durationNanos("17.5ms")).isEqualTo(17_500_000);
        assertThat(ProviderRateLimits.durationNanos("250us")).isEqualTo(250_000);
        assertThat(ProviderRateLimits.durationNanos("250µs")).isEqualTo(250_000);
        assertThat(ProviderRateLimits.durationNanos("0s")).isZero();
        assertThat(ProviderRateLimits.durationNanos("0")).isZero();
        assertThat(ProviderRateLimits.durationNanos(" 2s ")).isEqualTo(2_000_000_000L);
    }

    @Test
    void what_is_not_a_duration_is_minus_one() {
        for (String text : new String[]{"", "s", "12", "1x", "1.2.3s", "-1s", "1s2", "Tue, 01 Dec 2026 10:00:00 GMT"}) {
            assertThat(ProviderRateLimits.durationNanos(text)).as(text).isEqualTo(-1);
        }
        assertThat(ProviderRateLimits.durationNanos(null)).isEqualTo(-1);
    }

    @Test
    void an_answer_with_the_headers_reports_both_counts_and_their_resets() {
        var headers = new DefaultHttpHeaders()
                .set("X-RateLimit-Remaining-Requests", "0")
                .set("x-ratelimit-reset-requests", "6m0s")
                .set("x-ratelimit-remaining-tokens", "149984")
                .set("x-ratelimit-reset-tokens", "6ms");

        assertThat(ProviderRateLimits.of(headers, NOW)).isEqualTo(new ProviderRateLimits(
                0, Duration.ofMinutes(6).toNanos(), 149_984, 6_000_000));
    }

    @Test
    void a_count_without_a_readable_reset_is_unknown() {
        var tokensOnly = new DefaultHttpHeaders()
                .set("x-ratelimit-remaining-requests", "10")
                .set("x-ratelimit-reset-requests", "soon")
                .set("x-ratelimit-remaining-tokens", "500")
                .set("x-ratelimit-reset-tokens", "1s");

        var limits = ProviderRateLimits.of(tokensOnly, NOW);

        assertThat(limits).isNotNull();
        assertThat(limits.knowsRequests()).isFalse();
        assertThat(limits.knowsTokens()).isTrue();
        assertThat(ProviderRateLimits.of(new DefaultHttpHeaders()
                .set("x-ratelimit-remaining-requests", "many").set("x-ratelimit-reset-requests", "1s"), NOW)).isNull();
    }

    @Test
    void an_answer_without_the_headers_reports_nothing() {
        assertThat(ProviderRateLimits.of(new DefaultHttpHeaders().set("content-type", "application/json"), NOW)).isNull();
    }

    @Test
    void anthropics_headers_are_read_with_their_resets_as_times() {
        // as Anthropic's API answers (its rate limits page): counts, and the RFC 3339 times they reset at
        var headers = new DefaultHttpHeaders()
                .set("anthropic-ratelimit-requests-limit", "1000")
                .set("anthropic-ratelimit-requests-remaining", "0")
                .set("anthropic-ratelimit-requests-reset", "2026-12-04T17:01:30Z")
                .set("anthropic-ratelimit-tokens-limit", "96000")
                .set("anthropic-ratelimit-tokens-remaining", "95000")
                .set("anthropic-ratelimit-tokens-reset", "2026-12-04T17:00:00.250Z")
                .set("anthropic-ratelimit-input-tokens-remaining", "80000");

        assertThat(ProviderRateLimits.of(headers, NOW)).isEqualTo(new ProviderRateLimits(
                0, Duration.ofSeconds(90).toNanos(), 95_000, Duration.ofMillis(250).toNanos()));
    }

    @Test
    void an_anthropic_reset_already_past_is_now_and_an_unreadable_one_unknown() {
        var headers = new DefaultHttpHeaders()
                .set("anthropic-ratelimit-requests-remaining", "3")
                .set("anthropic-ratelimit-requests-reset", "2026-12-04T16:59:00Z")
                .set("anthropic-ratelimit-tokens-remaining", "100")
                .set("anthropic-ratelimit-tokens-reset", "in a minute");

        var limits = ProviderRateLimits.of(headers, NOW);

        assertThat(limits).isEqualTo(new ProviderRateLimits(3, 0, -1, -1));
        assertThat(ProviderRateLimits.nanosUntil("2026-12-04T18:00:00+01:00", NOW.millis())).isZero();
        assertThat(ProviderRateLimits.nanosUntil("2026-12-04T19:00:00+01:00", NOW.millis()))
                .isEqualTo(Duration.ofHours(1).toNanos());
    }
}
