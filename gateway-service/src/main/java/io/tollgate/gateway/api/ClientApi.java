package io.tollgate.gateway.api;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamRequest;
import reactor.core.publisher.Mono;

/**
 * A client API the gateway serves besides its canonical one (OpenAI's): how its requests reach an adapter and how
 * the answers come back in its own shape. Requests, refusals and metering are the canonical path's; only the call
 * and the answer's wording differ.
 */
public interface ClientApi {

    Endpoint endpoint();

    /**
     * @param canonical the call in the canonical form (the context's canonical body), as OpenAI's endpoints make it
     * @return the answer in this API's shape, with the usage the provider reported
     */
    Mono<ProviderReply> send(ProviderAdapter adapter, UpstreamRequest canonical, RequestContext context);

    /** A streaming call; the events in this API's shape. */
    ProviderStream stream(ProviderAdapter adapter, UpstreamRequest canonical, RequestContext context);
}
