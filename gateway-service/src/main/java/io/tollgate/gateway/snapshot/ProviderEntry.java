package io.tollgate.gateway.snapshot;

import io.tollgate.model.catalog.ProviderType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider with its credential decrypted once per snapshot. {@link #toString()} never shows the credential.
 *
 * @param settings the provider's {@code settings} jsonb, flattened to its top-level scalar values
 */
public record ProviderEntry(UUID id, String name, ProviderType type, @Nullable String baseUrl,
                            @Nullable String credential, Map<String, String> settings, Duration connectTimeout,
                            Duration responseTimeout, long version) {

    public Optional<String> credentialValue() {
        return Optional.ofNullable(credential);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    @Override
    public String toString() {
        return "ProviderEntry[" + name + ", " + type + ", id=" + id + ", credential="
                + (credential == null ? "none" : "<redacted>") + "]";
    }
}
