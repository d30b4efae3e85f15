package io.tollgate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The live state of every deployment this gateway has called, kept by deployment id across snapshots (a changed
 * weight or quota does not reset what is known about the provider). Each breaker's openings are noted with the wall
 * clock's time so that {@link SharedRoutingState} can tell the other replicas, when Redis is configured.
 */
@Component
class DeploymentStates {

    private final CircuitBreakerRegistry breakers;
    private final Map<UUID, DeploymentHealth> states = new ConcurrentHashMap<>();
    private final RoutingProperties properties;
    private final Clock clock;

    DeploymentStates(RoutingProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                // outcomes are recorded on the event loops: the default window takes a lock, which under load
                // parks an event loop behind another. Of the lock-free windows, the count-based one links each
                // call's node to the next and never unlinks the nodes it drops, so one node that outlives the young
                // generation keeps every later one alive through young collections until a concurrent cycle, each
                // collection copying them all again: 100 ms pauses in the soaks (docs/benchmarks.md). The
                // time-based one adds a node per second, and each call replaces that node's aggregate.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSynchronizationStrategy(CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .slidingWindowSize(properties.breakerWindowSeconds())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .slowCallDurationThreshold(properties.breakerSlowCall())
                .slowCallRateThreshold(properties.breakerSlowCallRate())
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(properties.breakerHalfOpenProbes())
                .build());
    }

    DeploymentHealth of(UUID deploymentId) {
        var known = states.get(deploymentId);
        return known != null ? known : states.computeIfAbsent(deploymentId, this::create);
    }

    private DeploymentHealth create(UUID id) {
        var breaker = breakers.circuitBreaker(id.toString());
        var shared = properties.shared() ? new SharedUse(Math.max(2_000, 3 * properties.sharedSyncInterval().toMillis())) : null;
        return new DeploymentHealth(breaker, shared, clock::millis, properties.breakerOpenFor().toMillis());
    }

    /** Every deployment known so far. */
    void forEach(BiConsumer<UUID, DeploymentHealth> action) {
        states.forEach(action);
    }

    /** How many known deployments' breakers are in a state the predicate accepts. */
    long count(Predicate<CircuitBreaker.State> state) {
        return states.values().stream().filter(health -> state.test(health.state())).count();
    }
}
