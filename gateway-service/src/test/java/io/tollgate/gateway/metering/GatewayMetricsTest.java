package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.Snapshots;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {

    private static final ConfigSnapshot CATALOG = Snapshots.withModels("gpt-4o-mini", "gpt-4o");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void repeated_requests_add_up_in_the_meters_of_their_labels() {
        metrics.recorded(event(200, 100, 20, "0.000027", 12, null), "acme", "openai", 9_000_000L, CATALOG);
        metrics.recorded(event(200, 50, 10, "0.0000135", 8, null), "acme", "openai", 7_000_000L, CATALOG);
        metrics.recorded(event(502, 0, 0, "0", 30, null), "acme", "openai", null, CATALOG);

        assertThat(requests("acme", "200")).isEqualTo(2);
        assertThat(requests("acme", "502")).isEqualTo(1);
        assertThat(registry.get("tollgate.gateway.tokens").tags("tenant", "acme", "direction", "prompt").summary()
                .totalAmount()).isEqualTo(150);
        assertThat(registry.get("tollgate.gateway.tokens").tags("tenant", "acme", "direction", "completion").summary()
                .count()).isEqualTo(2);
        assertThat(registry.get("tollgate.gateway.cost.usd").tags("tenant", "acme").counter().count())
                .isCloseTo(0.0000405, within(1e-12));
        var latency = registry.get("tollgate.gateway.latency").tags("model", "gpt-4o-mini").timer();
        assertThat(latency.count()).isEqualTo(3);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(registry.get("tollgate.gateway.upstream.latency").timer().count()).isEqualTo(2);
    }

    @Test
    void tenants_and_models_get_meters_of_their_own() {
        metrics.recorded(event(200, 10, 5, "0.000001", 3, null), "acme", "openai", 1_000_000L, CATALOG);
        metrics.recorded(event(200, 10, 5, "0.000001", 3, null), "globex", "openai", 1_000_000L, CATALOG);
        metrics.recorded(eventFor("gpt-4o", 200), "globex", "openai", 1_000_000L, CATALOG);

        assertThat(requests("acme", "200")).isEqualTo(1);
        assertThat(requests("globex", "200")).isEqualTo(1);
        assertThat(registry.get("tollgate.gateway.requests").tags("tenant", "globex", "model", "gpt-4o").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("tollgate.gateway.latency").timers()).hasSize(2);
    }

    @Test
    void nothing_is_exported_for_token_classes_or_timings_a_request_did_not_have() {
        metrics.recorded(event(200, 10, 5, "0", 3, null), "acme", "openai", null, CATALOG);

        assertThat(registry.find("tollgate.gateway.tokens").tags("direction", "reasoning").summary()).isNull();
        assertThat(registry.find("tollgate.gateway.tokens").tags("direction", "cached_prompt").summary()).isNull();
        assertThat(registry.find("tollgate.gateway.cost.usd").counter()).isNull();
        assertThat(registry.find("tollgate.gateway.upstream.latency").timer()).isNull();
        assertThat(registry.find("tollgate.gateway.ttft").timer()).isNull();
    }

    @Test
    void streamed_requests_record_their_time_to_first_token() {
        metrics.recorded(event(200, 10, 5, "0.000001", 40, 7), "acme", "openai", 1_000_000L, CATALOG);
        metrics.recorded(event(200, 10, 5, "0.000001", 50, 9), "acme", "openai", 1_000_000L, CATALOG);

        var ttft = registry.get("tollgate.gateway.ttft").timer();
        assertThat(ttft.count()).isEqualTo(2);
        assertThat(ttft.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(16);
    }

    @Test
    void a_model_name_the_catalog_does_not_know_is_labelled_unknown_however_many_are_sent() {
        for (int i = 0; i < 50; i++) {
            String invented = "x".repeat(200) + UUID.randomUUID();
            metrics.recorded(refused(invented), "acme", "none", null, CATALOG);
        }
        metrics.recorded(refused("gpt-4o"), "acme", "none", null, CATALOG);

        assertThat(registry.get("tollgate.gateway.requests").tags("model", "unknown").counter().count()).isEqualTo(50);
        assertThat(registry.get("tollgate.gateway.requests").tags("model", "gpt-4o", "status", "404").counter().count())
                .as("a catalog model a caller may not use keeps its name").isEqualTo(1);
        assertThat(registry.getMeters()).hasSizeLessThan(10);
    }

    private double requests(String tenant, String status) {
        return registry.get("tollgate.gateway.requests")
                .tags("tenant", tenant, "model", "gpt-4o-mini", "provider", "openai", "status", status,
                        "endpoint", "chat", "streamed", "false")
                .counter().count();
    }

    private static UsageEvent event(int status, int prompt, int completion, String cost, int latencyMs,
                                    @Nullable Integer ttftMs) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", "gpt-4o-mini", "gpt-4o-mini", UUID.randomUUID(),
                UUID.randomUUID(), "gpt-4o-mini", UUID.randomUUID(), prompt, completion, 0, 0, false,
                new BigDecimal(cost), latencyMs, ttftMs, status, status == 200 ? null : "upstream_error", false, "");
    }

    /** Refused before a model served it: only the requested name, whatever the caller sent. */
    private static UsageEvent refused(String requested) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", requested, null, null, null, null, null, 0, 0, 0, 0, false,
                BigDecimal.ZERO, 1, null, 404, "invalid_request_error", false, "");
    }

    private static UsageEvent eventFor(String model, int status) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse("2026-11-23T10:00:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", model, model, UUID.randomUUID(), UUID.randomUUID(), model,
                UUID.randomUUID(), 10, 5, 0, 0, false, new BigDecimal("0.000002"), 4, null, status, null, false, "");
    }
}
