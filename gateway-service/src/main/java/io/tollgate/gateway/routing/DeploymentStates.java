package io.tollgate.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The live state of every deployment this gateway has called, kept by deployment id across snapshots (a changed
 * weight or quota does not reset what is known about the provider). Local to the replica.
 */
@Component
class DeploymentStates {

    private final CircuitBreakerRegistry breakers;
    private final Map<UUID, DeploymentHealth> states = new ConcurrentHashMap<>();

    DeploymentStates(RoutingProperties properties) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
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
        return known != null ? known : states.computeIfAbsent(deploymentId,
                id -> new DeploymentHealth(breakers.circuitBreaker(id.toString())));
    }

    /** How many known deployments' breakers are in a state the predicate accepts. */
    long count(Predicate<CircuitBreaker.State> state) {
        return states.values().stream().filter(health -> state.test(health.state())).count();
    }
}
