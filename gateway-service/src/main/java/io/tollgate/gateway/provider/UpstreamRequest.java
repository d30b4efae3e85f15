package io.tollgate.gateway.provider;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.util.OptionalInt;

/**
 * One call to a provider, in the gateway's canonical form.
 *
 * @param body          the client's body exactly as sent (OpenAI's shape); the adapter rewrites or translates it
 * @param facts         what the single parse of that body found
 * @param completionCap the request's max_tokens, else its model's maximum output from the catalog, when either is
 *                      known: for providers that require a maximum (Anthropic)
 */
public record UpstreamRequest(Endpoint endpoint, ProviderEntry provider, String upstreamModel, byte[] body,
                              RequestFacts facts, OptionalInt completionCap) {

    /** A call whose only known completion cap is the request's own max_tokens. */
    public UpstreamRequest(Endpoint endpoint, ProviderEntry provider, String upstreamModel, byte[] body,
                           RequestFacts facts) {
        this(endpoint, provider, upstreamModel, body, facts, facts.maxTokens());
    }

    public boolean stream() {
        return facts.stream();
    }
}
