package io.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The exact response cache through real HTTP, against the fake upstream and the real usage_events table. */
class ResponseCacheIntegrationTest extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    @Test
    void a_miss_is_kept_and_the_same_request_is_then_answered_from_the_cache_without_the_provider_and_at_no_cost() {
        var world = cachingWorld(false);
        String marker = marker();
        String body = chatBody(world.chatModel(), marker, "\"temperature\":0");

        var miss = send(world, body);
        var hit = send(world, body);
        // the same request written differently: members in another order, 0.0 for 0, other white space
        var reordered = send(world, "{ \"temperature\": 0.0, \"messages\": [{\"content\": \"" + marker
                + "\", \"role\": \"user\"}], \"model\": \"" + world.chatModel() + "\" }");

        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(miss.headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(hit.headers().firstValue("x-tollgate-cost-usd")).hasValue("0");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(reordered.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(upstreamCalls(marker)).isEqualTo(1);

        var events = events(world.key().id(), 3);
        assertThat(events.get(0)).containsEntry("cache_hit", false).containsEntry("prompt_tokens", 1200);
        assertThat((BigDecimal) events.get(0).get("cost_usd")).isPositive();
        for (var event : events.subList(1, 3)) {
            assertThat(event).containsEntry("cache_hit", true).containsEntry("status_code", 200)
                    .containsEntry("prompt_tokens", 0).containsEntry("completion_tokens", 0)
                    .containsEntry("served_model", world.chatModel()).containsEntry("provider_id", null)
                    .containsEntry("price_id", null).containsEntry("attempts", 0);
            assertThat((BigDecimal) event.get("cost_usd")).isZero();
        }
    }

    @Test
    void a_hit_on_a_plan_with_a_cache_price_costs_that_price_on_the_tokens_the_answer_used_when_it_was_kept() {
        var world = cachingWorld(false);
        UUID plan = UUID.randomUUID();
        SEEDER.jdbc().sql("insert into plans (id, code, name, cache_hit_per_million) values (?, ?, 'Cache price', 2.5)")
                .params(plan, "cache-" + plan.toString().substring(0, 8)).update();
        SEEDER.jdbc().sql("update tenants set plan_id = ? where id = ?").params(plan, world.tenant()).update();
        awaitSnapshot(s -> s.tenant(world.tenant())
                .filter(t -> t.cacheHitPerMillion().compareTo(new BigDecimal("2.5")) == 0).isPresent());
        String body = chatBody(world.chatModel(), marker(), "\"temperature\":0");

        var miss = send(world, body);
        var hit = send(world, body);

        // the fake upstream reports 1,200 prompt + 300 completion tokens: 1,500 at USD 2.5 per million
        var exact = new BigDecimal("0.00375");
        assertThat(hit.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(new BigDecimal(hit.headers().firstValue("x-tollgate-cost-usd").orElseThrow())).isEqualByComparingTo(exact);
        var events = events(world.key().id(), 2);
        assertThat(new BigDecimal(miss.headers().firstValue("x-tollgate-cost-usd").orElseThrow()))
                .isEqualByComparingTo((BigDecimal) events.get(0).get("cost_usd"));
        assertThat(events.get(1)).containsEntry("cache_hit", true).containsEntry("prompt_tokens", 0)
                .containsEntry("completion_tokens", 0).containsEntry("price_id", null);
        assertThat((BigDecimal) events.get(1).get("cost_usd")).isEqualByComparingTo(exact);
    }

    @Test
    void refresh_calls_the_provider_and_replaces_the_answer_and_bypass_neither_reads_nor_writes() {
        var world = cachingWorld(false);
        String marker = marker();
        String body = chatBody(world.chatModel(), marker, "\"temperature\":0");

        assertThat(send(world, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        var refreshed = send(world, body, "x-tollgate-cache", "refresh");
        var bypassed = send(world, body, "x-tollgate-cache", "bypass");
        var used = send(world, body, "x-tollgate-cache", "use");

        assertThat(refreshed.headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(bypassed.statusCode()).isEqualTo(200);
        assertThat(bypassed.headers().firstValue("x-tollgate-cache")).isEmpty();
        assertThat(used.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(upstreamCalls(marker)).isEqualTo(3);
        assertThat(events(world.key().id(), 4)).extracting(e -> e.get("cache_hit"))
                .containsExactly(false, false, false, true);
    }

    @Test
    void an_answer_expires_after_the_time_the_request_asked_for() {
        var world = cachingWorld(false);
        String marker = marker();
        String body = chatBody(world.chatModel(), marker, "\"temperature\":0");

        assertThat(send(world, body, "x-tollgate-cache-ttl", "1").headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(world, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        await(() -> send(world, body).headers().firstValue("x-tollgate-cache").orElseThrow().equals("miss"),
                Duration.ofSeconds(10), "the entry to expire");

        assertThat(upstreamCalls(marker)).isEqualTo(2);
    }

    @Test
    void two_tenants_sending_the_same_request_never_share_an_answer() {
        var first = cachingWorld(false);
        var second = cachingWorld(false);
        // both tenants call the same catalog model, so only the tenant tells their entries apart
        SEEDER.subscribe(second.tenant(), second.app(), first.chatModel(), "APPROVED");
        awaitSnapshot(s -> s.model(first.chatModel())
                .flatMap(m -> s.approvedSubscription(second.app(), m.id())).isPresent());
        String marker = marker();
        String body = chatBody(first.chatModel(), marker, "\"temperature\":0");

        assertThat(send(first, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(first, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(send(second, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(second, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");

        assertThat(upstreamCalls(marker)).isEqualTo(2);
    }

    @Test
    void an_app_not_opted_in_never_caches() {
        var world = world();
        String marker = marker();
        String body = chatBody(world.chatModel(), marker, "\"temperature\":0");

        var first = send(world, body);
        var second = send(world, body, "x-tollgate-cache", "use");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-tollgate-cache")).isEmpty();
        assertThat(second.headers().firstValue("x-tollgate-cache")).isEmpty();
        assertThat(upstreamCalls(marker)).isEqualTo(2);
        assertThat(events(world.key().id(), 2)).extracting(e -> e.get("cache_hit")).containsExactly(false, false);
    }

    @Test
    void answers_that_may_vary_and_streams_are_cached_only_as_the_app_allows() {
        var strict = cachingWorld(false);
        String marker = marker();
        for (String settings : List.of("\"temperature\":0.7", "\"max_tokens\":50", "\"temperature\":0,\"user\":\"u-1\"",
                "\"temperature\":0,\"stream\":true")) {
            String body = chatBody(strict.chatModel(), marker, settings);
            assertThat(send(strict, body).headers().firstValue("x-tollgate-cache")).as(settings).isEmpty();
            assertThat(send(strict, body).headers().firstValue("x-tollgate-cache")).as(settings).isEmpty();
        }
        assertThat(upstreamCalls(marker)).isEqualTo(8);

        var lenient = cachingWorld(true);
        String other = marker();
        String body = chatBody(lenient.chatModel(), other, "\"temperature\":0.7,\"user\":\"u-1\"");
        assertThat(send(lenient, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(lenient, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(upstreamCalls(other)).isEqualTo(1);
    }

    @Test
    void embeddings_are_cached_too() {
        var world = cachingWorld(false);
        String marker = marker();
        String body = "{\"model\":\"" + world.chatModel() + "\",\"input\":\"" + marker + "\"}";

        assertThat(sendTo(world, "/embeddings", body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(sendTo(world, "/embeddings", body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(upstreamCalls(marker)).isEqualTo(1);
    }

    @Test
    void limits_count_a_hit_as_a_request_but_not_its_tokens() {
        // the fake upstream reports 1,200 prompt + 300 completion tokens; the limits' time stands still in tests
        var world = cachingWorld(false);
        SEEDER.jdbc().sql("""
                        update subscriptions set requests_per_minute = 60, tokens_per_minute = 100000
                        where app_id = ? and model_id = (select id from models where name = ?)""")
                .params(world.app(), world.chatModel()).update();
        awaitSnapshot(s -> s.model(world.chatModel()).flatMap(m -> s.approvedSubscription(world.app(), m.id()))
                .filter(sub -> !sub.limits().isUnlimited()).isPresent());
        String body = chatBody(world.chatModel(), marker(), "\"temperature\":0,\"max_tokens\":2000");

        var miss = send(world, body);
        var hit = send(world, body);
        var secondHit = send(world, body);

        assertThat(hit.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(List.of(miss, hit, secondHit)).extracting(r -> r.headers().firstValue("x-ratelimit-remaining-requests")
                .orElseThrow()).containsExactly("59", "58", "57");
        long afterMissReservation = remainingTokens(miss);
        assertThat(remainingTokens(hit)).as("the miss used its 1,500 tokens").isEqualTo(afterMissReservation - 1_500);
        assertThat(remainingTokens(secondHit)).as("the hit gave back all it reserved").isEqualTo(remainingTokens(hit));
    }

    @Test
    void a_cache_header_the_gateway_cannot_read_is_refused() {
        var world = cachingWorld(false);
        String body = chatBody(world.chatModel(), marker(), "\"temperature\":0");

        var badMode = send(world, body, "x-tollgate-cache", "sometimes");
        var badTtl = send(world, body, "x-tollgate-cache-ttl", "-5");

        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("invalid_cache_mode");
        assertThat(badTtl.statusCode()).isEqualTo(400);
        assertThat(badTtl.body()).contains("invalid_cache_ttl");
    }

    private World cachingWorld(boolean nondeterministic) {
        var world = world();
        SEEDER.jdbc().sql("update apps set cache_enabled = true, cache_nondeterministic = ? where id = ?")
                .params(nondeterministic, world.app()).update();
        awaitSnapshot(s -> s.app(world.app()).filter(app -> app.cacheEnabled()
                && app.cacheNondeterministic() == nondeterministic).isPresent());
        return world;
    }

    private static String marker() {
        return "cache-test-" + UUID.randomUUID();
    }

    private static String chatBody(String model, String content, String settings) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}],"
                + settings + "}";
    }

    private static long upstreamCalls(String marker) {
        return UPSTREAM.received().stream().filter(received -> received.body().contains(marker)).count();
    }

    private static long remainingTokens(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow());
    }

    private HttpResponse<String> send(World world, String body, String... headers) {
        return sendTo(world, "/chat/completions", body, headers);
    }

    private HttpResponse<String> sendTo(World world, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json",
                "Authorization", "Bearer " + world.key().plaintext()));
        all.addAll(List.of(headers));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).headers(all.toArray(String[]::new))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
