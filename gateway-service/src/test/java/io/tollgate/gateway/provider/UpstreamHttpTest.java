package io.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UpstreamHttpTest {

    private final UpstreamHttp upstream = UpstreamHttps.onGlobalLoops(10, 10, Duration.ofSeconds(30));

    @AfterEach
    void closePool() {
        upstream.destroy();
    }

    @Test
    void a_provider_versions_client_is_made_once_and_a_new_version_gets_its_own() {
        var id = UUID.randomUUID();
        var made = new AtomicInteger();

        var first = upstream.client(provider(id, 1), headers -> made.incrementAndGet());
        var again = upstream.client(provider(id, 1), headers -> made.incrementAndGet());
        var next = upstream.client(provider(id, 2), headers -> made.incrementAndGet());

        assertThat(again).isSameAs(first);
        assertThat(next).isNotSameAs(first);
        assertThat(made).as("the constant headers are encoded once per version").hasValue(2);
    }

    private static ProviderEntry provider(UUID id, long version) {
        return new ProviderEntry(id, "openai", ProviderType.OPENAI, "http://127.0.0.1:9/v1", "key", Map.of(),
                Duration.ofSeconds(1), Duration.ofSeconds(60), version);
    }
}
