package io.tollgate.gateway.provider;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.request.RequestFacts;
import io.tollgate.gateway.snapshot.ProviderEntry;

/**
 * One call to a provider, in the gateway's canonical form.
 *
 * @param body  the client's body exactly as sent (OpenAI's shape); the adapter rewrites or translates it
 * @param facts what the single parse of that body found
 */
public record UpstreamRequest(Endpoint endpoint, ProviderEntry provider, String upstreamModel, byte[] body,
                              RequestFacts facts) {

    public boolean stream() {
        return facts.stream();
    }
}
