package io.tollgate.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without an OTLP endpoint nothing is traced: no span is made and no trace context is sent to a provider. */
class TracingOffIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    RequestTracing tracing;

    @Test
    void a_client_trace_context_is_not_continued_nor_sent_upstream() throws Exception {
        assertThat(tracing.enabled()).isFalse();
        var world = world();
        String marker = "tracing-off-" + world.key().prefix();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + world.key().plaintext())
                .header("Content-Type", "application/json")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + world.chatModel()
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + marker + "\"}]}")).build();
        try (var http = HttpClient.newHttpClient()) {
            assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }

        var received = UPSTREAM.received().stream().filter(r -> r.body().contains(marker)).toList();
        assertThat(received).hasSize(1);
        assertThat(received).extracting(FakeUpstream.Received::traceparent).containsOnlyNulls();
    }
}
