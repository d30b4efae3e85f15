package io.tollgate.gateway.request;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.ClientTags;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Parses the body once (in its canonical form), after authentication so that refusals of known callers are metered,
 * and refuses a catalog
 * model on an endpoint of another kind (an embedding model on chat, a chat model on embeddings). An unknown model is
 * left to the subscription check, which answers 404.
 */
@Component
public class RequestValidationPolicy implements GatewayPolicy {

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        if (!context.tagsValid()) {
            return Mono.just(Rejection.invalidRequest(ClientTags.HEADER, "invalid_tags", "The " + ClientTags.HEADER
                    + " header must be comma-separated key=value pairs (at most 10; letters, digits and _.:/-)."));
        }
        var result = RequestBodyParser.parse(context.endpoint().canonical(), context.canonicalBody());
        if (result.facts() == null) {
            return Mono.justOrEmpty(result.rejection());
        }
        context.facts(result.facts());
        return Mono.justOrEmpty(context.snapshot().model(result.facts().model())
                .flatMap(model -> ModelKinds.check(context.endpoint(), model)));
    }

    @Override
    public int getOrder() {
        return PolicyOrder.VALIDATION;
    }

    @Override
    public String toString() {
        return "RequestValidationPolicy[" + PolicyOrder.VALIDATION + "]";
    }
}
