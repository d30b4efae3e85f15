package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.error.Rejection;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
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
        return apply(context, 0);
    }

    private Mono<Rejection> apply(RequestContext context, int index) {
        if (index == policies.size()) {
            return Mono.empty();
        }
        return policies.get(index).apply(context).switchIfEmpty(Mono.defer(() -> apply(context, index + 1)));
    }

    public List<GatewayPolicy> policies() {
        return policies;
    }
}
