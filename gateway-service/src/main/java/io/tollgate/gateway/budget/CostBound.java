package io.tollgate.gateway.budget;

import io.tollgate.gateway.pipeline.RequestContext;
import java.math.BigDecimal;

/**
 * The most a request can cost, before it runs: every byte of the body a prompt token (a text token is at least one
 * byte) at the highest prompt rate (input, cached input, cache write), and max_tokens (else the model's maximum
 * output, else its context window) completion tokens for each of its choices (n) at the higher of the output and
 * reasoning rates. Image and audio inputs are priced by the provider beyond their bytes, so for them this is an
 * estimate, not a bound.
 *
 * <p>Never negative, whatever the request says: a negative bound would make room in a BLOCK budget for others (the
 * validation refuses max_tokens below 1 first; this holds even if a value slips past it).
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
        long completion = Math.max(0, context.completionCap().orElse(model.contextWindow()))
                * context.facts().orElseThrow().choices();
        BigDecimal perMillion = rates.inputPerMillion().max(rates.cachedInputPerMillion())
                .max(rates.effectiveCacheWritePerMillion())
                .multiply(BigDecimal.valueOf(context.body().length))
                .add(rates.outputPerMillion().max(rates.effectiveReasoningPerMillion()).multiply(BigDecimal.valueOf(completion)));
        return perMillion.movePointLeft(6).max(BigDecimal.ZERO);
    }
}
