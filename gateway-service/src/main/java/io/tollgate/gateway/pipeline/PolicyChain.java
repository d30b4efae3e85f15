package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.error.Rejection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/** Every policy bean, in order; each /v1 model request runs through all of them before it reaches a provider. */
@Component
public class PolicyChain {

    private static final Logger log = LoggerFactory.getLogger(PolicyChain.class);

    private final List<GatewayPolicy> policies;

    public PolicyChain(List<GatewayPolicy> policies) {
        this.policies = policies.stream().sorted(Comparator.comparingInt(GatewayPolicy::getOrder)).toList();
        log.info("Gateway policy chain: {}", this.policies);
    }

    /** The first rejection, or empty when every policy let the request through. */
    public Mono<Rejection> apply(RequestContext context) {
        return apply(context, 0, Integer.MAX_VALUE);
    }

    /** The first rejection of the policies ordered up to {@code lastOrder}, or empty when they all let it through. */
    public Mono<Rejection> applyThrough(RequestContext context, int lastOrder) {
        return apply(context, 0, lastOrder);
    }

    /** Whether a decision of {@link #apply} is known at once to let the request through (Mono.empty() is one instance). */
    public static boolean passedAtOnce(Mono<Rejection> decision) {
        return decision == Mono.<Rejection>empty();
    }

    /**
     * Most policies decide at once (an empty or a just Mono); those are read in a plain loop, and operators are
     * assembled only from the first policy that really waits (a Redis bucket), for the rest of the chain.
     */
    private Mono<Rejection> apply(RequestContext context, int from, int lastOrder) {
        for (int index = from; index < policies.size() && policies.get(index).getOrder() <= lastOrder; index++) {
            Mono<Rejection> decision;
            Rejection rejection;
            try {
                decision = policies.get(index).apply(context);
                if (!(decision instanceof Fuseable.ScalarCallable<?> immediate)) {
                    int next = index + 1;
                    return decision.switchIfEmpty(Mono.defer(() -> apply(context, next, lastOrder)));
                }
                rejection = (Rejection) immediate.call(); // a Mono.error throws its error here
            } catch (Exception failure) {
                // a failing policy fails the decision: the caller's error handling ends the request
                return Mono.error(failure);
            }
            if (rejection != null) {
                return Mono.just(rejection);
            }
        }
        return Mono.empty();
    }

    public List<GatewayPolicy> policies() {
        return policies;
    }
}
