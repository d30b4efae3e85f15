package io.tollgate.gateway.snapshot;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Flattens a provider's {@code settings} jsonb to its top-level scalar values, e.g. {@code latencyMs -> "20"}. */
@Component
public class ProviderSettingsReader {

    private final JsonMapper json = JsonMapper.builder().build();

    public Map<String, String> read(@Nullable String settings) {
        if (settings == null || settings.isBlank()) {
            return Map.of();
        }
        JsonNode root = json.readTree(settings);
        Map<String, String> values = new HashMap<>();
        root.properties().forEach(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue().asString());
            }
        });
        return Map.copyOf(values);
    }
}
