package io.tollgate.gateway.budget;

import io.tollgate.gateway.pipeline.RequestContext;
import java.math.BigDecimal;

/**
 * The most a request can cost, before it runs: every byte of the body a prompt token (a text token is at least one
 * byte) at the highest prompt rate (input, cached input, cache write), and max_tokens (else the model's maximum output, else its context window) completion
 * tokens at the higher of the output and reasoning rates. Image and audio inputs are priced by the provider beyond
 * their bytes, so for them this is an estimate, not a bound.
 */
final class CostBound {

    private CostBound() {
    }

    static BigDecimal of(RequestContext context) {
        var model = context.model().orElseThrow();
        var price = context.snapshot().prices(model.id()).at(context.receivedAt());
        if (price.isEmpty()) {
            return BigDecimal.ZERO;
        }
        var rates = price.get().rates();
        long completion = context.completionCap().orElse(model.contextWindow());
        BigDecimal perMillion = rates.inputPerMillion().max(rates.cachedInputPerMillion()).max(rates.effectiveCacheWritePerMillion())
                .multiply(BigDecimal.valueOf(context.body().length))
                .add(rates.outputPerMillion().max(rates.effectiveReasoningPerMillion()).multiply(BigDecimal.valueOf(completion)));
        return perMillion.movePointLeft(6);
    }
}
