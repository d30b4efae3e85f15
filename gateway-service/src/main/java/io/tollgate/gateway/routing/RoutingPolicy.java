package io.tollgate.gateway.routing;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Chooses the routes a request may take, in order (see {@link RoutePlanner}); {@link Failover} then tries them.
 * Fail-closed: a model without a usable deployment is refused here, before any provider is called.
 */
@Component
public class RoutingPolicy implements GatewayPolicy {

    private final RoutePlanner planner;

    RoutingPolicy(RoutePlanner planner) {
        this.planner = planner;
    }

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        return switch (planner.plan(context)) {
            case RoutePlanner.Routes routes -> {
                context.routes(routes.routes());
                context.route(routes.routes().getFirst());
                yield Mono.empty();
            }
            case RoutePlanner.Refused refused -> Mono.just(refused.rejection());
        };
    }

    @Override
    public int getOrder() {
        return PolicyOrder.ROUTING;
    }

    @Override
    public String toString() {
        return "RoutingPolicy[" + PolicyOrder.ROUTING + "] strategy per model, fallbacks";
    }
}
