package io.tollgate.gateway.routing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Routing settings bound as the gateway binds them: its defaults, under a test's own values as a user writes them. */
final class RoutingSettings {

    private static final String PREFIX = "tollgate.gateway.routing";

    private RoutingSettings() {
    }

    static RoutingProperties defaults() {
        return with(Map.of());
    }

    /** @param settings values by their name under {@code tollgate.gateway.routing}, e.g. {@code breaker-window} */
    static RoutingProperties with(Map<String, String> settings) {
        Map<String, String> named = new HashMap<>();
        settings.forEach((name, value) -> named.put(PREFIX + "." + name, value));
        return new Binder(new MapConfigurationPropertySource(named)).bindOrCreate(PREFIX, RoutingProperties.class);
    }
}
