package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tollgate.gateway.support.BlockHoundSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Deployments' breakers take the outcomes of calls on the event loops, several at once. */
class DeploymentStatesTest {

    private final DeploymentStates states = new DeploymentStates(new RoutingProperties(Duration.ofSeconds(120), 0.2,
            Duration.ofSeconds(10), 10, 20, 5, 50, Duration.ofSeconds(60), 100, Duration.ofSeconds(30), 2, "",
            Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofSeconds(2)), Clock.systemUTC());

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
}
