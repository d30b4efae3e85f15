package io.tollgate.gateway.routing;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Chooses the deployment that serves the request. For now the first enabled deployment by priority; weighted,
 * failover and latency-based strategies replace {@link #choose} later without touching the rest of the chain.
 */
@Component
public class RoutingPolicy implements GatewayPolicy {

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        return choose(context).map(route -> {
            context.route(route);
            return Mono.<Rejection>empty();
        }).orElseGet(() -> Mono.just(Rejection.unavailable("no_deployment",
                "The model '" + context.model().orElseThrow().name() + "' has no available deployment.")));
    }

    private static java.util.Optional<Route> choose(RequestContext context) {
        var snapshot = context.snapshot();
        for (var deployment : snapshot.deployments(context.model().orElseThrow().id())) {
            var provider = snapshot.provider(deployment.providerId());
            if (provider.isPresent()) {
                return java.util.Optional.of(new Route(deployment, provider.get()));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public int getOrder() {
        return PolicyOrder.ROUTING;
    }

    @Override
    public String toString() {
        return "RoutingPolicy[" + PolicyOrder.ROUTING + "] first enabled deployment";
    }
}
