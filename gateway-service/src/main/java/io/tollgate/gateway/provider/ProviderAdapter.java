package io.tollgate.gateway.provider;

import io.tollgate.gateway.snapshot.ProviderType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Talks to one kind of provider in OpenAI's wire format (adapters for other formats translate both ways).
 * Failures before any byte reached the client are signalled as a {@code RejectedException}.
 */
public interface ProviderAdapter {

    boolean supports(ProviderType type);

    /** A non-streaming call: the provider's status and whole body. */
    Mono<UpstreamReply> send(UpstreamRequest request);

    /** A streaming call: the provider's server-sent events, one complete event (with its blank line) per item. */
    Flux<byte[]> stream(UpstreamRequest request);
}
