package io.tollgate.gateway.provider;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.snapshot.ProviderEntry;

/**
 * One call to a provider.
 *
 * @param body the body to send: the client's bytes, rewritten only where the model name or stream options had to
 *             change
 */
public record UpstreamRequest(Endpoint endpoint, ProviderEntry provider, String upstreamModel, byte[] body,
                              boolean stream) {
}
