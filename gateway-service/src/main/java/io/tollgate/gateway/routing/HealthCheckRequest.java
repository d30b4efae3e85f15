package io.tollgate.gateway.routing;

import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cheapest request a deployment can answer, in the gateway's canonical form so that the provider's own adapter
 * sends it: one token of chat or of a completion, or the embedding of one word, by what the catalog says the model
 * serves (an unclassified model is asked for chat).
 */
final class HealthCheckRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WORD = "ping";

    private HealthCheckRequest() {
    }

    static Optional<UpstreamRequest> of(ModelEntry model, DeploymentEntry deployment, ProviderEntry provider,
                                        ProviderAdapter adapter) {
        return endpoint(model, adapter).map(endpoint -> request(endpoint, deployment.upstreamModel(), provider));
    }

    private static Optional<Endpoint> endpoint(ModelEntry model, ProviderAdapter adapter) {
        var capabilities = model.capabilities();
        boolean unclassified = List.of("chat", "completions", "embeddings").stream().noneMatch(capabilities::contains);
        if ((unclassified || capabilities.contains("chat")) && adapter.serves(Endpoint.CHAT)) {
            return Optional.of(Endpoint.CHAT);
        }
        if (capabilities.contains("completions") && adapter.serves(Endpoint.COMPLETIONS)) {
            return Optional.of(Endpoint.COMPLETIONS);
        }
        if (capabilities.contains("embeddings") && adapter.serves(Endpoint.EMBEDDINGS)) {
            return Optional.of(Endpoint.EMBEDDINGS);
        }
        return Optional.empty();
    }

    private static UpstreamRequest request(Endpoint endpoint, String upstreamModel, ProviderEntry provider) {
        ObjectNode body = JSON.createObjectNode().put("model", upstreamModel);
        switch (endpoint) {
            case CHAT -> body.put("max_tokens", 1).putArray("messages").addObject().put("role", "user").put("content", WORD);
            case COMPLETIONS -> body.put("max_tokens", 1).put("prompt", WORD);
            default -> body.put("input", WORD);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        var maxTokens = endpoint == Endpoint.EMBEDDINGS ? OptionalInt.empty() : OptionalInt.of(1);
        var facts = new RequestFacts(upstreamModel, false, maxTokens, false, new PromptText(List.of(WORD),
                endpoint == Endpoint.CHAT ? 1 : 0));
        return new UpstreamRequest(endpoint, provider, upstreamModel, bytes, facts);
    }
}
