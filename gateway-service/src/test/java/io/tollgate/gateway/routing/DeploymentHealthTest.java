package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tollgate.gateway.provider.ProviderRateLimits;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How health checks, the other replicas' state and the shared capacity counts move a deployment in and out. */
class DeploymentHealthTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long OPEN_FOR = 60_000;

    private static DeploymentHealth health(String name, SharedUse shared) {
        return new DeploymentHealth(CircuitBreaker.ofDefaults(name), shared, () -> NOW, OPEN_FOR);
    }

    @Test
    void this_replicas_breaker_opening_is_kept_for_its_open_time_and_a_passed_check_ends_it() {
        var breaker = CircuitBreaker.of("failing", CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build());
        var health = new DeploymentHealth(breaker, null, () -> NOW, OPEN_FOR);
        for (int i = 0; i < 3; i++) {
            assertThat(health.acquire()).isTrue();
            health.started(0, 0);
            health.succeeded(1_000);
        }
        assertThat(health.localOutUntil()).isZero();

        for (int i = 0; i < 2; i++) {
            health.acquire();
            health.started(0, 0);
            health.failed(1_000, new IOException("refused"), 0, 0);
        }

        assertThat(health.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health.localOutUntil()).isEqualTo(NOW + OPEN_FOR);
        assertThat(health.acquire()).isFalse();
        assertThat(health.localOutUntil()).as("a refused call moves nothing").isEqualTo(NOW + OPEN_FOR);

        health.checkPassed();

        assertThat(health.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(health.localOutUntil()).isZero();
    }

    @Test
    void a_failed_check_takes_the_deployment_out_until_a_check_passes() {
        var health = health("checked", null);

        health.checkFailed(NOW + 3_000);

        assertThat(health.outOfRotation(NOW)).isTrue();
        assertThat(health.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health.outOfRotation(NOW + 3_000)).as("a check that never comes again does not keep it out").isFalse();

        health.checkPassed();

        assertThat(health.outOfRotation(NOW)).isFalse();
        assertThat(health.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void another_replicas_opening_keeps_it_out_until_its_time() {
        var health = health("shared", new SharedUse(2_000));

        health.sharedOutUntil(NOW + 1_000);

        assertThat(health.outOfRotation(NOW + 999)).isTrue();
        assertThat(health.outOfRotation(NOW + 1_000)).isFalse();
        assertThat(health.state()).as("only this replica's own calls move its breaker").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_replicas_use_counts_while_fresh_and_this_replicas_unsent_use_on_top() {
        var shared = new SharedUse(2_000);
        var health = health("capped", shared);
        long minute = SharedUse.minute(NOW);
        long start = minute * SharedUse.MINUTE_MILLIS;

        shared.read(new SharedUse.Totals(minute, 4, 0, 0, 0, start));
        assertThat(health.hasRequestCapacity(5, 0, start)).isTrue();
        health.started(0, 0);
        assertThat(health.hasRequestCapacity(5, 0, start)).as("4 shared and 1 not yet sent").isFalse();

        assertThat(health.hasRequestCapacity(5, 0, start + 2_001)).as("totals too old: an outage, local counts only").isTrue();
    }

    @Test
    void the_previous_minute_weighs_by_its_share_still_inside_the_window() {
        var shared = new SharedUse(120_000);
        long minute = SharedUse.minute(NOW);
        long start = minute * SharedUse.MINUTE_MILLIS;
        shared.read(new SharedUse.Totals(minute - 1, 10, 0, 100, 0, start));

        assertThat(shared.requests(start + 15_000)).isEqualTo(8);
        assertThat(shared.tokens(start + 30_000)).isEqualTo(50);
        assertThat(shared.requests(start + SharedUse.MINUTE_MILLIS)).as("two minutes on, nothing is left").isZero();
    }

    @Test
    void the_providers_own_count_keeps_the_deployment_out_until_it_resets() {
        var health = health("reported", null);
        long now = 5_000_000_000L;

        health.reported(new ProviderRateLimits(0, 2_000_000_000L, 1_000, 1_000_000_000L), now);

        assertThat(health.hasRequestCapacity(100, now, NOW)).as("the local count alone would allow it").isFalse();
        assertThat(health.hasRequestCapacity(100, now + 2_000_000_000L, NOW)).as("reset").isTrue();
        assertThat(health.hasTokenCapacity(100_000, 1_000, now, NOW)).isTrue();
        assertThat(health.hasTokenCapacity(100_000, 1_001, now, NOW)).isFalse();
        assertThat(health.hasTokenCapacity(100_000, 1_001, now + 1_000_000_000L, NOW)).isTrue();
    }

    @Test
    void calls_started_after_the_providers_report_count_against_what_it_said_was_left() {
        var health = health("taken", null);
        long now = 5_000_000_000L;
        health.reported(new ProviderRateLimits(2, 60_000_000_000L, -1, -1), now);

        health.started(0, now + 1);
        assertThat(health.hasRequestCapacity(100, now + 2, NOW)).isTrue();
        health.started(0, now + 3);

        assertThat(health.hasRequestCapacity(100, now + 4, NOW)).isFalse();
        assertThat(health.hasTokenCapacity(100, 50, now + 4, NOW)).as("the provider said nothing of tokens").isTrue();
    }
}
