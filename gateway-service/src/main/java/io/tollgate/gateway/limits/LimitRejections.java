package io.tollgate.gateway.limits;

import io.tollgate.gateway.error.Rejection;

/** The refusals of the limits policy, in OpenAI's words: 429 {@code rate_limit_exceeded} naming the limit, or 400. */
final class LimitRejections {

    static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";
    static final String MAX_TOKENS_PER_REQUEST = "max_tokens_per_request";
    static final String MAX_CONCURRENT_REQUESTS = "max_concurrent_requests";

    private LimitRejections() {
    }

    static Rejection rateLimited(Limit limit, String model, long retryAfterSeconds) {
        return new Rejection(429, limit.kind().group().header(), null, RATE_LIMIT_EXCEEDED,
                "Rate limit reached for model '" + model + "': " + limit.kind().limitName() + " of the " + limit.owner()
                        + " (limit " + limit.capacity() + "). Please try again in " + retryAfterSeconds + "s.");
    }

    static Rejection largerThanLimit(Limit limit, String model, long tokens) {
        return new Rejection(429, limit.kind().group().header(), null, RATE_LIMIT_EXCEEDED,
                "Request too large for model '" + model + "': it needs about " + tokens + " tokens, more than the "
                        + limit.kind().limitName() + " of the " + limit.owner() + " (limit " + limit.capacity()
                        + "). Reduce the prompt or max_tokens.");
    }

    static Rejection tooManyConcurrent(String owner, long max) {
        return new Rejection(429, LimitKind.Group.REQUESTS.header(), null, RATE_LIMIT_EXCEEDED,
                "Too many concurrent requests: " + MAX_CONCURRENT_REQUESTS + " of the " + owner + " (limit " + max
                        + "). Retry when one of your requests has finished.");
    }

    static Rejection overRequestMaximum(String param, String what, long tokens, long max) {
        return Rejection.invalidRequest(param, MAX_TOKENS_PER_REQUEST + "_exceeded", what + " " + tokens
                + " tokens, more than the " + MAX_TOKENS_PER_REQUEST + " limit of " + max + ".");
    }

    static Rejection storeUnavailable() {
        return Rejection.unavailable("rate_limiter_unavailable",
                "Rate limits cannot be checked right now; please retry shortly.");
    }
}
