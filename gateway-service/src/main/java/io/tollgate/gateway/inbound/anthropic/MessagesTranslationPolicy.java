package io.tollgate.gateway.inbound.anthropic;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.GatewayPolicy;
import io.tollgate.gateway.pipeline.PolicyOrder;
import io.tollgate.gateway.pipeline.RequestContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a {@code /v1/messages} body against Anthropic's reference and gives the request its canonical form, after
 * authentication (so refusals of known callers are metered) and before the validation, limits and budgets that read
 * it. Other endpoints pass untouched.
 */
@Component
class MessagesTranslationPolicy implements GatewayPolicy {

    @Override
    public Mono<Rejection> apply(RequestContext context) {
        if (context.endpoint() != Endpoint.MESSAGES) {
            return Mono.empty();
        }
        try {
            var translated = MessagesRequestTranslator.translate(context.body(), !context.tokenCountOnly());
            context.canonicalBody(translated.canonical(), translated.untranslatable());
            return Mono.empty();
        } catch (RejectedException e) {
            return Mono.just(e.rejection());
        }
    }

    @Override
    public int getOrder() {
        return PolicyOrder.TRANSLATION;
    }

    @Override
    public String toString() {
        return "MessagesTranslationPolicy[" + PolicyOrder.TRANSLATION + "]";
    }
}
