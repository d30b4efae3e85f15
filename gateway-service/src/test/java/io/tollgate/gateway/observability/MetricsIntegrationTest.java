package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.testsupport.OpsMetricNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void model_requests_are_measured_once_by_the_gateways_own_meters() throws Exception {
        var world = world();
        client(world.key().plaintext()).chat().completions().create(ChatCompletionCreateParams.builder()
                .model(world.chatModel()).addUserMessage("Describe the image").build());

        String metrics = scrape();

        assertThat(metrics.lines().filter(line -> line.startsWith("tollgate_gateway_requests_total{")
                && line.contains("model=\"" + world.chatModel() + "\"") && line.contains("status=\"200\"")))
                .singleElement().asString().endsWith(" 1.0");
        // Spring's own per-request observation is off: it measured the same requests again (docs/benchmarks.md)
        assertThat(metrics).doesNotContain("http_server_requests");
        // nor is logback's event counter: a turbo filter that every debug-level check on the request path went through
        assertThat(metrics).doesNotContain("logback_events").contains("jvm_memory_used_bytes");
    }

    /** The autoscaling signal beside CPU: a request waiting on its provider counts until its answer is written. */
    @Test
    void a_model_request_is_in_flight_until_its_answer_is_written() throws Exception {
        var world = world("{\"latencyMs\":\"1500\"}");
        String body = "{\"model\":\"" + world.mockModel() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        var answer = CompletableFuture.supplyAsync(() -> postJson("/chat/completions", world.key().plaintext(), body));

        await(() -> inFlight() == 1.0, Duration.ofSeconds(5), "the waiting request counted");
        assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        await(() -> inFlight() == 0.0, Duration.ofSeconds(5), "the answered request no longer counted");
    }

    private double inFlight() {
        try {
            return scrape().lines().filter(line -> line.startsWith("tollgate_gateway_requests_in_flight ")
                            || line.startsWith("tollgate_gateway_requests_in_flight{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Billing's own metrics are proven by billing's test; "up" is Prometheus's. */
    @Test
    void every_metric_the_shipped_alert_rules_and_dashboards_query_is_exported() throws Exception {
        var world = world();
        var params = ChatCompletionCreateParams.builder().model(world.chatModel()).addUserMessage("Say hello").build();
        client(world.key().plaintext()).chat().completions().create(params);
        try (var stream = client(world.key().plaintext()).chat().completions().createStreaming(params)) {
            assertThat(stream.stream().count()).isPositive();
        }
        healthChecked();

        var referenced = OpsMetricNames.referenced(Path.of("")).stream()
                .filter(name -> !name.startsWith("tollgate_billing_") && !name.equals("up")).toList();

        assertThat(referenced).contains("tollgate_gateway_requests_total", "tollgate_gateway_metering_queue_depth");
        assertThat(OpsMetricNames.exported(scrape())).containsAll(referenced);
    }

    /** A provider with health checks, until one has been counted; on an upstream of its own, which other tests do not count. */
    private void healthChecked() {
        try (var upstream = FakeUpstream.start()) {
            UUID provider = SEEDER.openAiCompatibleProvider(upstream.baseUrl());
            SEEDER.jdbc().sql("update providers set settings = '{\"healthCheckSeconds\": 1}'::jsonb where id = ?")
                    .param(provider).update();
            SEEDER.model(provider, "gpt-4o-checked", "1", "1", "1");
            await(() -> scrapeQuietly().contains("tollgate_gateway_health_checks_total{"), Duration.ofSeconds(10),
                    "a health check counted");
            SEEDER.jdbc().sql("update providers set settings = '{}'::jsonb where id = ?").param(provider).update();
            awaitSnapshot(s -> s.provider(provider).map(p -> p.settings().isEmpty()).orElse(false));
        }
    }

    private String scrapeQuietly() {
        try {
            return scrape();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String scrape() throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
