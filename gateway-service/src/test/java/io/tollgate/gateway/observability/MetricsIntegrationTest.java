package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void model_requests_are_measured_once_by_the_gateways_own_meters() throws Exception {
        var world = world();
        client(world.key().plaintext()).chat().completions().create(ChatCompletionCreateParams.builder()
                .model(world.chatModel()).addUserMessage("Describe the image").build());

        String metrics;
        try (var http = HttpClient.newHttpClient()) {
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        assertThat(metrics.lines().filter(line -> line.startsWith("tollgate_gateway_requests_total{")
                && line.contains("model=\"" + world.chatModel() + "\"") && line.contains("status=\"200\"")))
                .singleElement().asString().endsWith(" 1.0");
        // Spring's own per-request observation is off: it measured the same requests again (docs/benchmarks.md)
        assertThat(metrics).doesNotContain("http_server_requests");
        // nor is logback's event counter: a turbo filter that every debug-level check on the request path went through
        assertThat(metrics).doesNotContain("logback_events").contains("jvm_memory_used_bytes");
    }
}
