package io.tollgate.gateway.provider;

import io.tollgate.gateway.error.Rejection;
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

    public static Rejection unsupported(ProviderType type) {
        return Rejection.unavailable("provider_unsupported", "The provider of this model (" + type
                + ") is not supported by this gateway yet.");
    }
}
