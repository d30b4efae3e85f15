package io.tollgate.gateway.provider;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.model.catalog.ProviderType;
import reactor.core.publisher.Mono;

/**
 * One provider wire format behind the gateway's canonical API, which is OpenAI's: an adapter takes the client's
 * request in OpenAI's shape, speaks its provider's protocol, and answers in OpenAI's shape again with the usage the
 * provider reported. A provider's refusal or failure is signalled as a {@code RejectedException} in OpenAI's error
 * terms (see {@link UpstreamErrors}); nothing outside the adapter sees the provider's own format.
 */
public interface ProviderAdapter {

    boolean supports(ProviderType type);

    /** Whether the provider has an endpoint for this kind of request; a model on one that has none is refused. */
    default boolean serves(Endpoint endpoint) {
        return true;
    }

    /** A non-streaming call: the answer as an OpenAI body. */
    Mono<ProviderReply> send(UpstreamRequest request);

    /** A streaming call: OpenAI stream events, with what the provider reported about usage as they pass. */
    ProviderStream stream(UpstreamRequest request);
}
