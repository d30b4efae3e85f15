package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.error.Rejection;
import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;

/**
 * One step of the request chain. It reads and enriches the request's context and either lets the request go on
 * (an empty Mono) or refuses it with a {@link Rejection}. Policies must not block: everything they need is in the
 * configuration snapshot. A policy that holds something for the request's lifetime (a concurrency permit, a token
 * reservation) registers its release with {@link RequestContext#onCompletion(Runnable)}.
 */
public interface GatewayPolicy extends Ordered {

    Mono<Rejection> apply(RequestContext context);
}
