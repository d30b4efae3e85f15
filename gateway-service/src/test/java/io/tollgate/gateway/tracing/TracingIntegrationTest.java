package io.tollgate.gateway.tracing;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.tollgate.gateway.support.FakeCollector;
import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set, a model request is a server span continuing the client's W3C trace, with the GenAI
 * semantic conventions' attributes; each provider attempt is a client span below it, whose context the provider
 * receives in its request's {@code traceparent}.
 */
class TracingIntegrationTest {

    private static final String PROMPT = "Trace me but never my words";

    @Test
    void a_request_and_its_provider_attempt_are_exported_as_spans_of_the_client_trace() throws Exception {
        var database = TestPostgres.instance().shared();
        var seeder = new Seeder(database.dataSource());
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        var key = seeder.key(tenant, app, null);
        String slug = seeder.jdbc().sql("select slug from tenants where id = ?").param(tenant).query(String.class).single();

        try (var upstream = FakeUpstream.start(); var collector = FakeCollector.start()) {
            UUID provider = seeder.openAiCompatibleProvider(upstream.baseUrl());
            String model = seeder.model(provider, "gpt-4o-2024-08-06", "2.50", "1.25", "10.00");
            String failing = seeder.model(provider, "upstream-fail", "2.50", "1.25", "10.00");
            seeder.subscribe(tenant, app, model, "APPROVED");
            seeder.subscribe(tenant, app, failing, "APPROVED");
            try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-tracing"), Map.of(
                    "management.opentelemetry.tracing.export.otlp.endpoint", collector.tracesEndpoint(),
                    "management.opentelemetry.tracing.export.schedule-delay", "50ms",
                    "management.tracing.sampling.probability", "1.0"))) {
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
                await(() -> chat(gateway, key.plaintext(), model, null).statusCode() == 200, Duration.ofSeconds(10),
                        "the subscription in the snapshot");

                String traceId = hex(16);
                String clientSpan = hex(8);
                var answered = chat(gateway, key.plaintext(), model, "00-" + traceId + "-" + clientSpan + "-01");
                assertThat(answered.statusCode()).isEqualTo(200);

                await(() -> trace(collector, traceId).size() == 2, Duration.ofSeconds(10), "the request's two spans");
                var spans = trace(collector, traceId);
                Span server = spans.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).findFirst().orElseThrow();
                Span attempt = spans.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT).findFirst().orElseThrow();
                assertThat(HexFormat.of().formatHex(server.getParentSpanId().toByteArray())).isEqualTo(clientSpan);
                assertThat(server.getName()).isEqualTo("chat " + model);
                var request = attributes(server);
                assertThat(request).containsEntry("gen_ai.operation.name", "chat")
                        .containsEntry("gen_ai.request.model", model)
                        .containsEntry("gen_ai.response.model", model)
                        .containsEntry("gen_ai.provider.name", "openai_compatible")
                        .containsEntry("tollgate.tenant", slug)
                        .containsEntry("tollgate.app", app.toString())
                        .containsEntry("http.response.status_code", "200");
                assertThat(Long.parseLong(request.get("gen_ai.usage.input_tokens"))).isPositive();
                assertThat(Long.parseLong(request.get("gen_ai.usage.output_tokens"))).isPositive();
                assertThat(request.values()).noneMatch(value -> value.contains(PROMPT) || value.contains(key.plaintext()));

                assertThat(attempt.getParentSpanId()).isEqualTo(server.getSpanId());
                assertThat(attributes(attempt)).containsEntry("gen_ai.request.model", "gpt-4o-2024-08-06")
                        .containsEntry("gen_ai.provider.name", "openai_compatible");
                String attemptId = HexFormat.of().formatHex(attempt.getSpanId().toByteArray());
                assertThat(upstream.received()).extracting(FakeUpstream.Received::traceparent)
                        .contains("00-" + traceId + "-" + attemptId + "-01");

                String failedTrace = hex(16);
                var failed = chat(gateway, key.plaintext(), failing, "00-" + failedTrace + "-" + hex(8) + "-01");
                assertThat(failed.statusCode()).isEqualTo(502);
                // a failing provider is tried again (same-deployment retries): one span per attempt, then the request's
                int attempts = Integer.parseInt(failed.headers().firstValue("x-tollgate-attempts").orElseThrow());
                await(() -> trace(collector, failedTrace).size() == attempts + 1 && trace(collector, failedTrace).stream()
                        .anyMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER), Duration.ofSeconds(10),
                        "the failed request's spans");
                assertThat(trace(collector, failedTrace)).filteredOn(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                        .hasSize(attempts);
                assertThat(trace(collector, failedTrace)).allSatisfy(span -> {
                    assertThat(attributes(span)).containsKey("error.type");
                    assertThat(attributes(span).get("http.response.status_code")).startsWith("5");
                });
            }
        }
    }

    private static HttpResponse<String> chat(StandaloneGateway gateway, String key, String model, String traceparent) {
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Span> trace(FakeCollector collector, String traceId) {
        return collector.spans().stream()
                .filter(span -> HexFormat.of().formatHex(span.getTraceId().toByteArray()).equals(traceId)).toList();
    }

    private static Map<String, String> attributes(Span span) {
        return span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey, TracingIntegrationTest::text));
    }

    private static String text(KeyValue attribute) {
        var value = attribute.getValue();
        return value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
