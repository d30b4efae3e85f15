package io.tollgate.gateway.provider;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.model.catalog.ProviderType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The adapter for each provider type, looked up once: routing asks for every deployment of every request. */
@Component
public class ProviderRegistry {

    private final Map<ProviderType, ProviderAdapter> adapters = new EnumMap<>(ProviderType.class);

    public ProviderRegistry(List<ProviderAdapter> adapters) {
        for (ProviderType type : ProviderType.values()) {
            adapters.stream().filter(adapter -> adapter.supports(type)).findFirst()
                    .ifPresent(adapter -> this.adapters.put(type, adapter));
        }
    }

    public Optional<ProviderAdapter> adapterFor(ProviderType type) {
        return Optional.ofNullable(adapters.get(type));
    }

    public static Rejection unsupported(ProviderType type) {
        return Rejection.unavailable("provider_unsupported", "The provider of this model (" + type
                + ") is not supported by this gateway yet.");
    }
}
