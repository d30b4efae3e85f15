package io.tollgate.gateway.subscription;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The requested model must exist (404) and the caller's app must hold an APPROVED subscription to it (403). */
@Component
public class SubscriptionPolicy implements GatewayPolicy {

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        var caller = context.caller().orElseThrow();
        String modelName = context.facts().orElseThrow().model();
        var model = context.snapshot().model(modelName);
        if (model.isEmpty()) {
            return Mono.just(Rejection.modelNotFound(modelName));
        }
        var subscription = context.snapshot().approvedSubscription(caller.app().id(), model.get().id());
        if (subscription.isEmpty()) {
            return Mono.just(Rejection.forbidden("model", "model_not_subscribed", "The app '" + caller.app().name()
                    + "' has no approved subscription to the model '" + modelName
                    + "'. Request access in the portal."));
        }
        context.subscribed(model.get(), subscription.get());
        return Mono.empty();
    }

    @Override
    public int getOrder() {
        return PolicyOrder.SUBSCRIPTION;
    }

    @Override
    public String toString() {
        return "SubscriptionPolicy[" + PolicyOrder.SUBSCRIPTION + "]";
    }
}
