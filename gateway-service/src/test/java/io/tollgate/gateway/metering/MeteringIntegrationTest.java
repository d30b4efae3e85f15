package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The money path: one event per request, exact sums, nothing lost or doubled under concurrency. */
class MeteringIntegrationTest extends GatewayIntegrationTest {

    private static final int REQUESTS = 120;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void concurrent_requests_give_exactly_one_event_each_with_matching_token_sums() {
        var world = world();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean stream = i % 3 == 0;
            responses.add(http.sendAsync(chat(world.key().plaintext(), world.chatModel(), stream, "team=search, env=prod"),
                    HttpResponse.BodyHandlers.ofString()));
        }
        var statuses = responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsOnly(200);
        var events = events(world.key().id(), REQUESTS);
        assertThat(events).hasSize(REQUESTS);
        assertThat(new HashSet<>(events.stream().map(e -> e.get("id")).toList())).hasSize(REQUESTS);
        assertThat(events.stream().mapToLong(e -> (Integer) e.get("prompt_tokens")).sum()).isEqualTo(1200L * REQUESTS);
        assertThat(events.stream().mapToLong(e -> (Integer) e.get("completion_tokens")).sum()).isEqualTo(300L * REQUESTS);
        assertThat(events.stream().mapToLong(e -> (Integer) e.get("cached_tokens")).sum()).isEqualTo(1024L * REQUESTS);
        assertThat(events.stream().map(e -> (BigDecimal) e.get("cost_usd")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(new BigDecimal("0.004720").multiply(BigDecimal.valueOf(REQUESTS)));
        assertThat(events).filteredOn(e -> (Boolean) e.get("streamed")).hasSize(REQUESTS / 3);
        assertThat(events).extracting(e -> e.get("tags")).containsOnly("env=prod,team=search");
        assertThat(SEEDER.jdbc().sql("select count(*) from api_key_usage where api_key_id = ?").param(world.key().id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_client_that_disconnects_mid_stream_is_billed_for_what_was_generated_marked_estimated() throws Exception {
        var world = world("{\"chunkDelayMs\": 150}");
        var full = http.send(chat(world.key().plaintext(), world.mockModel(), false, null), HttpResponse.BodyHandlers.ofString());
        assertThat(full.statusCode()).isEqualTo(200);
        int fullCompletion = (Integer) events(world.key().id(), 1).getFirst().get("completion_tokens");

        var streamed = http.send(chat(world.key().plaintext(), world.mockModel(), true, null), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = streamed.body()) {
            String received = "";
            while (received.split("data: ").length < 3) {
                received += new String(body.readNBytes(64), StandardCharsets.UTF_8);
            }
        }

        var events = events(world.key().id(), 2);
        var cut = events.stream().filter(e -> (Boolean) e.get("streamed")).findFirst().orElseThrow();
        assertThat(cut).containsEntry("status_code", 499).containsEntry("error_type", "client_disconnected")
                .containsEntry("usage_estimated", true);
        assertThat((Integer) cut.get("completion_tokens")).isPositive().isLessThan(fullCompletion);
        assertThat((Integer) cut.get("prompt_tokens")).isEqualTo(events.getFirst().get("prompt_tokens"));
        assertThat((BigDecimal) cut.get("cost_usd")).isPositive();
    }

    @Test
    void a_provider_without_usage_is_counted_and_marked_estimated() throws Exception {
        var world = world();
        var provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String local = SEEDER.model(provider, "upstream-no-usage", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), local, "APPROVED");
        awaitSnapshot(s -> s.model(local).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());

        assertThat(http.send(chat(world.key().plaintext(), local, false, null), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(chat(world.key().plaintext(), local, true, null), HttpResponse.BodyHandlers.ofString()).body())
                .contains("Hello").endsWith("data: [DONE]\n\n");

        var events = events(world.key().id(), 2);
        assertThat(events).allSatisfy(e -> {
            assertThat(e).containsEntry("usage_estimated", true).containsEntry("status_code", 200);
            assertThat((Integer) e.get("prompt_tokens")).isPositive();
            assertThat((Integer) e.get("completion_tokens")).isPositive();
        });
    }

    private HttpRequest chat(String key, String model, boolean stream, String tags) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about metering\"}]}"));
        if (tags != null) {
            request.header("x-tollgate-tags", tags);
        }
        return request.build();
    }
}
