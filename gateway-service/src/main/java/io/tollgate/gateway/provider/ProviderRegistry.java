package io.tollgate.gateway.provider;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.snapshot.ProviderType;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The adapter for each provider type. */
@Component
public class ProviderRegistry {

    private final List<ProviderAdapter> adapters;

    public ProviderRegistry(List<ProviderAdapter> adapters) {
        this.adapters = adapters;
    }

    public Optional<ProviderAdapter> adapterFor(ProviderType type) {
        return adapters.stream().filter(adapter -> adapter.supports(type)).findFirst();
    }

    public static Rejection endpointMissing(ProviderType type, Endpoint endpoint) {
        return Rejection.invalidRequest("model", "endpoint_not_supported", "This model's provider (" + type
                + ") has no " + endpoint.apiPath() + " endpoint; use a model whose provider has one.");
    }

    public static Rejection unsupported(ProviderType type) {
        return Rejection.unavailable("provider_unsupported", "The provider of this model (" + type
                + ") is not supported by this gateway yet.");
    }
}
