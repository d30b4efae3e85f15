package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.TestTimeMeter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits through real HTTP with local buckets; the limits' time stands still unless a test moves it. */
class LimitsIntegrationTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    TestTimeMeter time;

    @Test
    void the_61st_request_in_a_minute_is_429_with_headers_and_retry_after_and_one_after_the_refill_passes() {
        var world = world();
        limit(world.app(), world.mockModel(), "requests_per_minute = 60");

        var first = chat(world, world.mockModel(), "");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "x-ratelimit-limit-requests")).isEqualTo("60");
        assertThat(header(first, "x-ratelimit-remaining-requests")).isEqualTo("59");
        assertThat(header(first, "x-ratelimit-reset-requests")).isEqualTo("1s");
        for (int i = 2; i <= 59; i++) {
            assertThat(chat(world, world.mockModel(), "").statusCode()).as("request " + i).isEqualTo(200);
        }
        var sixtieth = stream(world, world.mockModel());
        assertThat(sixtieth.statusCode()).isEqualTo(200);
        assertThat(header(sixtieth, "x-ratelimit-remaining-requests")).as("streams carry the headers too").isEqualTo("0");
        assertThat(header(sixtieth, "x-ratelimit-reset-requests")).isEqualTo("1m0s");

        var sixtyFirst = chat(world, world.mockModel(), "");
        assertThat(sixtyFirst.statusCode()).isEqualTo(429);
        assertThat(header(sixtyFirst, "retry-after")).isEqualTo("1");
        assertThat(header(sixtyFirst, "x-ratelimit-limit-requests")).isEqualTo("60");
        assertThat(header(sixtyFirst, "x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(header(sixtyFirst, "x-ratelimit-reset-requests")).isEqualTo("1m0s");
        assertThat(sixtyFirst.body()).contains("\"type\":\"requests\"", "\"code\":\"rate_limit_exceeded\"",
                "requests_per_minute of the app (limit 60)");

        time.advance(Duration.ofSeconds(1));
        var afterRefill = chat(world, world.mockModel(), "");
        assertThat(afterRefill.statusCode()).isEqualTo(200);
        assertThat(header(afterRefill, "x-ratelimit-remaining-requests")).isEqualTo("0");
        time.advance(Duration.ofMinutes(1));
        assertThat(header(chat(world, world.mockModel(), ""), "x-ratelimit-remaining-requests")).isEqualTo("59");

        var events = events(world.key().id(), 63);
        assertThat(events).filteredOn(e -> (Integer) e.get("status_code") == 429).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("served_model", null).containsEntry("error_type", "rate_limit_exceeded"));
    }

    @Test
    void reserved_tokens_are_settled_with_the_metered_usage() {
        // the fake upstream always reports 1,200 prompt + 300 completion tokens
        var world = world();
        limit(world.app(), world.chatModel(), "tokens_per_minute = 10000");

        var first = chat(world, world.chatModel(), ",\"max_tokens\":2000");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "x-ratelimit-limit-tokens")).isEqualTo("10000");
        long afterFirstReservation = Long.parseLong(header(first, "x-ratelimit-remaining-tokens"));
        assertThat(afterFirstReservation).as("2,000 for the completion and the prompt's few tokens")
                .isBetween(10_000L - 2_100, 10_000L - 2_001);
        assertThat(header(first, "x-ratelimit-limit-requests")).as("no request limit applies").isNull();

        var second = chat(world, world.chatModel(), ",\"max_tokens\":2000");
        assertThat(Long.parseLong(header(second, "x-ratelimit-remaining-tokens")))
                .as("the first request gave back all it reserved beyond its 1,500 tokens")
                .isEqualTo(afterFirstReservation - 1_500);

        // without max_tokens the reservation is the prompt plus 1,024: the request used more, and the excess is taken
        assertThat(chat(world, world.chatModel(), "").statusCode()).isEqualTo(200);
        var fourth = chat(world, world.chatModel(), ",\"max_tokens\":2000");
        assertThat(Long.parseLong(header(fourth, "x-ratelimit-remaining-tokens"))).isEqualTo(afterFirstReservation - 4_500);

        // 4,000 tokens left: the prompt and 4,000 more do not fit
        var refused = chat(world, world.chatModel(), ",\"max_tokens\":4000");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"type\":\"tokens\"", "\"code\":\"rate_limit_exceeded\"", "tokens_per_minute");
        assertThat(Long.parseLong(header(refused, "retry-after"))).isBetween(1L, 60L);

        var tooLarge = chat(world, world.chatModel(), ",\"max_tokens\":20000");
        assertThat(tooLarge.statusCode()).isEqualTo(429);
        assertThat(tooLarge.body()).contains("Request too large", "tokens_per_minute of the app (limit 10000)");
    }

    @Test
    void requests_over_the_concurrency_limit_are_refused_at_once_and_permits_come_back() throws Exception {
        var world = world("{\"latencyMs\":\"800\"}");
        limit(world.app(), world.mockModel(), "max_concurrent_requests = 3");

        var finished = new ConcurrentLinkedQueue<Integer>();
        var calls = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 12; i++) {
            calls.add(http.sendAsync(request(world, world.mockModel(), ""), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> finished.add(response == null ? -1 : response.statusCode())));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(3);
        assertThat(responses).filteredOn(r -> r.statusCode() == 429).hasSize(9).allSatisfy(r -> {
            assertThat(r.body()).contains("\"code\":\"rate_limit_exceeded\"", "max_concurrent_requests of the app (limit 3)");
            assertThat(header(r, "retry-after")).isEqualTo("1");
        });
        assertThat(List.copyOf(finished).subList(0, 9)).as("refusals do not wait for the requests in flight")
                .containsOnly(429);

        var again = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 3; i++) {
            again.add(http.sendAsync(request(world, world.mockModel(), ""), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(again).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
    }

    @Test
    void a_client_that_disconnects_gives_its_concurrency_permit_back() throws Exception {
        var world = world("{\"latencyMs\":\"20000\"}");
        limit(world.app(), world.mockModel(), "max_concurrent_requests = 1");

        var holder = holdOnlyPermit(world);
        holder.close();

        await(() -> probe(world) != 429, Duration.ofSeconds(3), "the permit back after the disconnect, long before the answer");
    }

    /** A raw connection whose request holds the only permit (the mock answers after 20 s). */
    private java.net.Socket holdOnlyPermit(World world) throws Exception {
        String json = body(world.mockModel(), "");
        for (int attempt = 1; ; attempt++) {
            var socket = new java.net.Socket("localhost", port);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + world.key().plaintext() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length() + "\r\n\r\n" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            Thread.sleep(300);
            if (probe(world) == 429) {
                return socket;
            }
            // the probe overtook the raw request (and gave its permit back when it timed out): again
            socket.close();
            assertThat(attempt).as("attempts to let the raw request take the permit").isLessThan(10);
        }
    }

    @Test
    void max_tokens_or_a_prompt_over_the_per_request_maximum_is_400_naming_the_limit_before_any_upstream_call() {
        var world = world();
        limit(world.app(), world.chatModel(), "max_tokens_per_request = 100");
        int upstreamCalls = UPSTREAM.received().size();

        var tooManyTokens = chat(world, world.chatModel(), ",\"max_tokens\":101");
        assertThat(tooManyTokens.statusCode()).isEqualTo(400);
        assertThat(tooManyTokens.body()).contains("\"param\":\"max_tokens\"", "\"code\":\"max_tokens_per_request_exceeded\"",
                "max_tokens asks for 101 tokens, more than the max_tokens_per_request limit of 100");

        var longPrompt = send(world.key().plaintext(), "/chat/completions", "{\"model\":\"" + world.chatModel()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "tokens and more tokens ".repeat(60) + "\"}]}");
        assertThat(longPrompt.statusCode()).isEqualTo(400);
        assertThat(longPrompt.body()).contains("\"param\":\"messages\"", "max_tokens_per_request limit of 100");

        var manyChoices = chat(world, world.chatModel(), ",\"max_tokens\":40,\"n\":3");
        assertThat(manyChoices.statusCode()).isEqualTo(400);
        assertThat(manyChoices.body()).contains("\"param\":\"n\"", "n x max_tokens asks for 120 tokens");

        assertThat(UPSTREAM.received()).hasSize(upstreamCalls);
        assertThat(chat(world, world.chatModel(), ",\"max_tokens\":100").statusCode()).isEqualTo(200);
    }

    @Test
    void a_tenant_ceiling_caps_the_sum_of_its_apps() {
        var world = world();
        UUID otherApp = SEEDER.app(world.tenant());
        var otherKey = SEEDER.key(world.tenant(), otherApp, null);
        SEEDER.subscribe(world.tenant(), otherApp, world.mockModel(), "APPROVED");
        SEEDER.jdbc().sql("insert into tenant_limits (tenant_id, requests_per_minute) values (?, 3)")
                .param(world.tenant()).update();
        awaitSnapshot(s -> s.limits().tenantCeiling(world.tenant()).requestsPerMinute().isPresent()
                && s.keyByPrefix(otherKey.prefix()).isPresent());

        assertThat(chat(world, world.mockModel(), "").statusCode()).isEqualTo(200);
        assertThat(chat(world, world.mockModel(), "").statusCode()).isEqualTo(200);
        var third = send(otherKey.plaintext(), "/chat/completions", body(world.mockModel(), ""));
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(header(third, "x-ratelimit-remaining-requests")).isEqualTo("0");

        var fourth = send(otherKey.plaintext(), "/chat/completions", body(world.mockModel(), ""));
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("requests_per_minute of the tenant (limit 3)");
    }

    private void limit(UUID app, String model, String assignments) {
        SEEDER.jdbc().sql("update subscriptions set " + assignments
                + " where app_id = ? and model_id = (select id from models where name = ?)").params(app, model).update();
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(app, m.id()))
                .filter(sub -> !sub.limits().isUnlimited()).isPresent());
    }

    /** A request that gives up after a second: 429 while the permit is taken, -1 when admitted to the slow mock. */
    private int probe(World world) {
        var request = HttpRequest.newBuilder(request(world, world.mockModel(), ""), (name, value) -> true)
                .timeout(Duration.ofSeconds(1)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            return -1;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> chat(World world, String model, String extra) {
        return send(world.key().plaintext(), "/chat/completions", body(model, extra));
    }

    private HttpResponse<String> stream(World world, String model) {
        return send(world.key().plaintext(), "/chat/completions", body(model, ",\"stream\":true"));
    }

    private static String body(String model, String extra) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]" + extra + "}";
    }

    private HttpRequest request(World world, String model, String extra) {
        return post(world.key().plaintext(), "/chat/completions", body(model, extra));
    }

    private HttpRequest post(String key, String path, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpResponse<String> send(String key, String path, String json) {
        try {
            return http.send(post(key, path, json), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
