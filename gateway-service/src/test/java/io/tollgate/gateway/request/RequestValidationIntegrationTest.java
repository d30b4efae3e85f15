package io.tollgate.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is refused with 400 before it reaches limits, budgets or a provider, and is metered as a refusal. */
class RequestValidationIntegrationTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_negative_max_tokens_is_refused_before_the_budget_and_the_upstream() {
        var world = world();
        UUID budget = UUID.randomUUID();
        SEEDER.jdbc().sql("""
                        insert into budgets (id, tenant_id, scope, app_id, amount_usd, action)
                        values (?, ?, 'APP', ?, 0.01, 'BLOCK')""").params(budget, world.tenant(), world.app()).update();
        awaitSnapshot(s -> s.budgets(world.tenant()).stream().anyMatch(b -> b.id().equals(budget)));
        int upstreamCalls = UPSTREAM.received().size();

        var response = post(world.key().plaintext(), "/chat/completions", "{\"model\":\"" + world.chatModel()
                + "\",\"max_tokens\":-1000000,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"invalid_request_error\"", "\"param\":\"max_tokens\"",
                "\"code\":\"invalid_value\"");
        assertThat(UPSTREAM.received()).hasSize(upstreamCalls);
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).containsEntry("status_code", 400);
        assertThat((BigDecimal) event.get("cost_usd")).isZero();
    }

    @Test
    void a_key_named_twice_is_refused_so_the_gateway_and_the_upstream_cannot_read_different_values() {
        var world = world();

        var response = post(world.key().plaintext(), "/chat/completions", "{\"model\":\"" + world.chatModel()
                + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"max_tokens\":50000}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"duplicate_key\"");
    }

    @Test
    void a_model_is_served_only_on_the_endpoints_of_its_kind() {
        var world = world();
        String embedding = SEEDER.model(SEEDER.mockProvider("{}"), "mock-embedding", "0.02", "0.01", "0");
        SEEDER.jdbc().sql("update models set capabilities = '{embeddings}' where name = ?").param(embedding).update();
        SEEDER.jdbc().sql("update models set capabilities = '{chat,streaming}' where name = ?").param(world.mockModel())
                .update();
        SEEDER.subscribe(world.tenant(), world.app(), embedding, "APPROVED");
        awaitSnapshot(s -> s.model(embedding).filter(m -> m.capabilities().contains("embeddings"))
                .flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent()
                && s.model(world.mockModel()).filter(m -> m.capabilities().contains("chat")).isPresent());

        var embeddingOnChat = post(world.key().plaintext(), "/chat/completions", "{\"model\":\"" + embedding
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        var chatOnEmbeddings = post(world.key().plaintext(), "/embeddings", "{\"model\":\"" + world.mockModel()
                + "\",\"input\":\"Hi\"}");
        var chatOnCompletions = post(world.key().plaintext(), "/completions", "{\"model\":\"" + world.mockModel()
                + "\",\"prompt\":\"Hi\"}");

        assertThat(embeddingOnChat.statusCode()).isEqualTo(400);
        assertThat(embeddingOnChat.body()).contains("\"param\":\"model\"", "\"code\":\"model_not_supported_on_endpoint\"",
                "is an embedding model and is not supported on /v1/chat/completions; use /v1/embeddings.");
        assertThat(chatOnEmbeddings.statusCode()).isEqualTo(400);
        assertThat(chatOnEmbeddings.body()).contains("is a chat model and is not supported on /v1/embeddings");
        assertThat(chatOnCompletions.statusCode()).isEqualTo(400);
        assertThat(post(world.key().plaintext(), "/embeddings", "{\"model\":\"" + embedding + "\",\"input\":\"Hi\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post(world.key().plaintext(), "/chat/completions", "{\"model\":\"" + world.mockModel()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").statusCode()).isEqualTo(200);
    }

    @Test
    void invented_model_names_neither_grow_the_metrics_nor_are_stored_whole() {
        var world = world();
        post(world.key().plaintext(), "/chat/completions", body("warm-up-" + UUID.randomUUID()));
        events(world.key().id(), 1);
        long series = requestSeries();

        String longest = null;
        for (int i = 0; i < 20; i++) {
            longest = "invented-" + UUID.randomUUID() + "-" + "x".repeat(50_000);
            assertThat(post(world.key().plaintext(), "/chat/completions", body(longest)).statusCode()).isEqualTo(404);
        }
        var events = events(world.key().id(), 21);

        assertThat(requestSeries()).as("one 'unknown' series for every invented name").isEqualTo(series);
        assertThat(metrics()).doesNotContain("invented-").contains("model=\"unknown\"");
        assertThat(events).allSatisfy(e -> assertThat((String) e.get("requested_model")).hasSizeLessThanOrEqualTo(128));
        String stored = (String) events.getLast().get("requested_model");
        assertThat(longest).startsWith(stored);
    }

    private long requestSeries() {
        return metrics().lines().filter(line -> line.startsWith("tollgate_gateway_requests_total{")).count();
    }

    private String metrics() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String body(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    }

    private HttpResponse<String> post(String key, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
