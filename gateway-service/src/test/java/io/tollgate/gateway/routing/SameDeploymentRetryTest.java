package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.error.Rejection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pause before the same deployment is tried again. */
class SameDeploymentRetryTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final Rejection OVERLOADED = Rejection.upstream(503, "upstream_unavailable", "busy");

    @Test
    void the_pause_is_a_random_share_of_a_doubling_base() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(SameDeploymentRetry.pauseNanos(0, OVERLOADED, MINUTE)).isBetween(0L, Duration.ofMillis(100).toNanos() - 1);
            assertThat(SameDeploymentRetry.pauseNanos(1, OVERLOADED, MINUTE)).isBetween(0L, Duration.ofMillis(200).toNanos() - 1);
        }
    }

    @Test
    void there_are_two_retries_at_most() {
        assertThat(SameDeploymentRetry.pauseNanos(2, OVERLOADED, MINUTE)).isEqualTo(-1);
    }

    @Test
    void the_providers_retry_after_is_honoured_when_it_ends_before_the_deadline() {
        var rateLimited = Rejection.upstream(429, "rate_limit_exceeded", "slow down").retryAfter("2");

        assertThat(SameDeploymentRetry.pauseNanos(0, rateLimited, MINUTE)).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(SameDeploymentRetry.pauseNanos(0, rateLimited, Duration.ofSeconds(2).toNanos())).isEqualTo(-1);
        assertThat(SameDeploymentRetry.pauseNanos(0, rateLimited.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"), MINUTE))
                .as("a date falls back to the backoff").isBetween(0L, Duration.ofMillis(100).toNanos() - 1);
    }

    @Test
    void a_retry_after_longer_than_two_seconds_is_left_to_the_client() {
        var coolingDown = Rejection.upstream(429, "rate_limit_exceeded", "slow down").retryAfter("7");

        assertThat(SameDeploymentRetry.pauseNanos(0, coolingDown, MINUTE)).isEqualTo(-1);
    }

    @Test
    void no_pause_runs_past_the_deadline() {
        assertThat(SameDeploymentRetry.pauseNanos(0, OVERLOADED, 0)).isEqualTo(-1);
    }
}
