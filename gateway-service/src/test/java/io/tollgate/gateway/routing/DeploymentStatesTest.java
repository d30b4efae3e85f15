package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tollgate.gateway.support.BlockHoundSupport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Deployments' breakers take the outcomes of calls on the event loops, several at once. */
class DeploymentStatesTest {

    private final DeploymentStates states = new DeploymentStates(RoutingSettings.defaults(), Clock.systemUTC());

    @Test
    void outcomes_recorded_from_non_blocking_threads_at_the_same_time_never_park_them() {
        BlockHoundSupport.install();
        var health = states.of(UUID.randomUUID());
        var recorded = new AtomicInteger();

        Flux.range(0, 8)
                .parallel(8)
                .runOn(Schedulers.parallel())
                .doOnNext(worker -> {
                    for (int i = 0; i < 20_000; i++) {
                        health.acquire();
                        health.started(0, System.nanoTime());
                        health.succeeded(1_000);
                        recorded.incrementAndGet();
                    }
                })
                .sequential()
                .blockLast(Duration.ofSeconds(60));

        assertThat(recorded).hasValue(8 * 20_000);
        assertThat(health.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void the_failure_rate_counts_the_calls_of_the_window_and_forgets_older_ones() throws InterruptedException {
        var twoSeconds = new DeploymentStates(
                RoutingSettings.with(Map.of("breaker-window", "2s", "breaker-minimum-calls", "3")), Clock.systemUTC());
        var health = twoSeconds.of(UUID.randomUUID());
        call(health, false);
        call(health, false);

        Thread.sleep(2_200);
        call(health, false);
        call(health, true);
        call(health, true);
        assertThat(health.state()).as("1 failed of the 3 calls in the last 2 s (3 of 5 with the older two)")
                .isEqualTo(CircuitBreaker.State.CLOSED);

        call(health, false);
        assertThat(health.state()).as("2 failed of 4").isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static void call(DeploymentHealth health, boolean succeeds) {
        assertThat(health.acquire()).isTrue();
        health.started(0, System.nanoTime());
        if (succeeds) {
            health.succeeded(1_000);
        } else {
            health.failed(1_000, new IOException("refused"), 0, System.nanoTime());
        }
    }
}
