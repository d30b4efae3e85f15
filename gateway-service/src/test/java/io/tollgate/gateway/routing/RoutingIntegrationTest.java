package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Routing over real HTTP: provider faults are invisible to the client while a healthy deployment remains, failed
 * attempts cost nothing, and the answer says which model served it after how many attempts.
 */
class RoutingIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    private MeterRegistry registry;

    @Test
    void a_failing_primary_is_invisible_to_the_client_and_the_next_deployment_serves() {
        var world = world();
        for (String failure : new String[]{"upstream-fail", "upstream-rate-limited", "upstream-reset"}) {
            String model = modelWith(world, failure, "gpt-4o-backup");
            var response = chatPost(world, chat(model, false));

            assertThat(response.statusCode()).as(failure + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
            assertThat(response.headers().firstValue("x-tollgate-served-model")).hasValue(model);
        }
        assertThat(events(world.key().id(), 3)).allSatisfy(event -> {
            assertThat(event).containsEntry("status_code", 200).containsEntry("attempts", 2)
                    .containsEntry("upstream_model", "gpt-4o-backup");
            assertThat((BigDecimal) event.get("cost_usd")).isPositive();
        });
        double failed = registry.find("tollgate.gateway.upstream.attempts").tag("outcome", "failed").counters()
                .stream().mapToDouble(Counter::count).sum();
        assertThat(failed).as("failed attempts are in the metrics, not on invoices").isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_deployment_that_does_not_answer_in_its_first_byte_timeout_gives_way() {
        var world = world();
        String model = modelWith(world, "upstream-slow", "gpt-4o-backup");
        SEEDER.jdbc().sql("update deployments set first_byte_timeout_ms = 300 where id = ?")
                .param(SEEDER.deploymentOf(model, "upstream-slow")).update();
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().firstByteTimeout() != null).orElse(false));

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void a_deployment_that_trickles_past_its_total_timeout_gives_way_though_its_first_byte_came_at_once() {
        var world = world();
        String model = modelWith(world, "upstream-trickle", "gpt-4o-backup");
        SEEDER.jdbc().sql("update deployments set first_byte_timeout_ms = 2000, total_timeout_ms = 600 where id = ?")
                .param(SEEDER.deploymentOf(model, "upstream-trickle")).update();
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().totalTimeout() != null).orElse(false));

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the trickle takes 3 s; the total timeout 0.6 s")
                .isLessThan(Duration.ofMillis(2_000));
        assertThat(events(world.key().id(), 1).getFirst()).containsEntry("upstream_model", "gpt-4o-backup")
                .containsEntry("attempts", 2);
    }

    @Test
    void an_answer_that_stalls_past_its_idle_timeout_after_its_first_bytes_gives_way() {
        var world = world();
        String model = modelWith(world, "upstream-stall", "gpt-4o-backup");
        idleTimeout(model, "upstream-stall", 500);

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, false));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the stall lasts 3 s; the idle timeout 0.5 s")
                .isLessThan(Duration.ofMillis(2_000));
        assertThat(events(world.key().id(), 1).getFirst()).containsEntry("upstream_model", "gpt-4o-backup")
                .containsEntry("attempts", 2);
    }

    @Test
    void a_stream_silent_past_its_idle_timeout_before_its_first_event_gives_way() {
        var world = world();
        String model = modelWith(world, "upstream-slow", "gpt-4o-backup");
        idleTimeout(model, "upstream-slow", 500);

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
        assertThat(response.body()).contains("[DONE]");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void a_stream_that_stalls_past_its_idle_timeout_after_its_first_event_ends_with_an_error_event() {
        var world = world();
        String model = modelWith(world, "upstream-stall", "gpt-4o-backup");
        idleTimeout(model, "upstream-stall", 500);

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, true));

        assertThat(response.statusCode()).as("the first event reached the client before the timeout").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the stall lasts 3 s; the idle timeout 0.5 s")
                .isLessThan(Duration.ofMillis(2_000));
        assertThat(response.body()).contains("\"role\":\"assistant\"").contains("\"code\":\"upstream_timeout\"")
                .doesNotContain("[DONE]");
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).as("metered for what was delivered").containsEntry("upstream_model", "upstream-stall");
        assertThat((Integer) event.get("status_code")).isGreaterThanOrEqualTo(500);
    }

    @Test
    void a_stream_whose_events_keep_coming_within_its_idle_timeout_is_not_cut() {
        var world = world();
        String model = modelWith(world, "upstream-trickle", "gpt-4o-backup");
        idleTimeout(model, "upstream-trickle", 1_500);

        var response = chatPost(world, chat(model, true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("1");
        assertThat(response.body()).as("events 250 ms apart, about 3 s in all").contains("[DONE]")
                .doesNotContain("upstream_timeout");
    }

    private void idleTimeout(String model, String upstreamModel, int millis) {
        SEEDER.jdbc().sql("update deployments set idle_timeout_ms = ? where id = ?")
                .params(millis, SEEDER.deploymentOf(model, upstreamModel)).update();
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().idleTimeout() != null).orElse(false));
    }

    @Test
    void a_stream_past_its_total_timeout_after_its_first_event_ends_with_an_error_event() {
        var world = world();
        String model = modelWith(world, "upstream-trickle", "gpt-4o-backup");
        SEEDER.jdbc().sql("update deployments set total_timeout_ms = 600 where id = ?")
                .param(SEEDER.deploymentOf(model, "upstream-trickle")).update();
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().totalTimeout() != null).orElse(false));

        long started = System.nanoTime();
        var response = chatPost(world, chat(model, true));

        assertThat(response.statusCode()).as("the first event reached the client before the timeout").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_400));
        assertThat(response.body()).contains("\"role\":\"assistant\"").contains("\"code\":\"upstream_timeout\"")
                .doesNotContain("[DONE]");
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).as("metered for what was delivered").containsEntry("upstream_model", "upstream-trickle")
                .containsEntry("usage_estimated", true);
        assertThat((Integer) event.get("status_code")).isGreaterThanOrEqualTo(500);
    }

    @Test
    void when_every_deployment_fails_the_client_gets_one_error_naming_the_last() {
        var world = world();
        String model = modelWith(world, "upstream-fail", "upstream-overloaded");

        var response = chatPost(world, chat(model, false));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).as("both, then the last twice more after a pause")
                .contains("No deployment could answer (4 attempts)").contains("\"code\":\"upstream_unavailable\"");
        assertThat(events(world.key().id(), 1)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("status_code", 503).containsEntry("attempts", 4);
            assertThat((BigDecimal) event.get("cost_usd")).isZero();
        });
    }

    @Test
    void a_stream_whose_first_attempt_fails_before_its_first_byte_is_served_by_the_next() {
        var world = world();
        String model = modelWith(world, "upstream-fail", "gpt-4o-backup");

        var response = chatPost(world, chat(model, true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("2");
        assertThat(response.body()).contains("chat.completion.chunk").contains("data: [DONE]").doesNotContain("\"error\"");
        assertThat(events(world.key().id(), 1)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("status_code", 200).containsEntry("usage_estimated", false));
    }

    @Test
    void a_lone_deployment_that_fails_once_is_tried_again_after_a_pause() {
        var world = world();
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String upstreamModel = "gpt-4o-hiccup-" + UUID.randomUUID();
        String model = SEEDER.model(provider, upstreamModel, "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());

        for (boolean stream : new boolean[]{false, true}) {
            UPSTREAM.failOnce(upstreamModel);
            var response = chatPost(world, chat(model, stream));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-tollgate-attempts")).as("stream: " + stream).hasValue("2");
        }
        assertThat(UPSTREAM.receivedFor(upstreamModel)).hasSize(4);
        assertThat(events(world.key().id(), 2)).allSatisfy(event ->
                assertThat(event).containsEntry("status_code", 200).containsEntry("attempts", 2));
    }

    @Test
    void the_breaker_takes_a_failing_deployment_out_and_lets_it_back_after_its_wait() {
        var world = world();
        String primary = "breaker-primary-" + UUID.randomUUID();
        UPSTREAM.fail(primary);
        String model = modelWith(world, primary, "gpt-4o-backup");
        for (int i = 0; i < 5; i++) {
            assertThat(chatPost(world, chat(model, false)).statusCode()).isEqualTo(200);
        }
        assertThat(UPSTREAM.receivedFor(primary)).hasSize(5);

        var whileOpen = chatPost(world, chat(model, false));
        assertThat(whileOpen.headers().firstValue("x-tollgate-attempts")).as("the open breaker skips the primary").hasValue("1");
        assertThat(UPSTREAM.receivedFor(primary)).hasSize(5);

        UPSTREAM.recover(primary);
        await(() -> {
            var probe = chatPost(world, chat(model, false));
            return probe.statusCode() == 200 && UPSTREAM.receivedFor(primary).size() > 5;
        }, Duration.ofSeconds(5), "a half-open probe reaching the primary");
        await(() -> chatPost(world, chat(model, false)).headers().firstValue("x-tollgate-attempts").orElse("").equals("1")
                && UPSTREAM.receivedFor(primary).size() >= 8, Duration.ofSeconds(5), "the primary serving again");
    }

    @Test
    void a_deployment_at_its_provider_capacity_is_skipped_before_the_provider_refuses() {
        var world = world();
        String model = modelWith(world, "gpt-4o-capped", "gpt-4o-backup");
        SEEDER.jdbc().sql("update deployments set requests_per_minute = 2 where id = ?")
                .param(SEEDER.deploymentOf(model, "gpt-4o-capped")).update();
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().requestsPerMinute() != null).orElse(false));

        for (int i = 0; i < 4; i++) {
            assertThat(chatPost(world, chat(model, false)).headers().firstValue("x-tollgate-attempts")).hasValue("1");
        }
        assertThat(events(world.key().id(), 4)).extracting(e -> e.get("upstream_model"))
                .containsExactly("gpt-4o-capped", "gpt-4o-capped", "gpt-4o-backup", "gpt-4o-backup");
    }

    @Test
    void a_deployment_whose_provider_says_no_request_is_left_is_skipped_until_its_reset() {
        var world = world();
        for (boolean stream : new boolean[]{false, true}) {
            String model = modelWith(world, "upstream-requests-exhausted", "gpt-4o-backup");
            SEEDER.jdbc().sql("update deployments set requests_per_minute = 1000 where id = ?")
                    .param(SEEDER.deploymentOf(model, "upstream-requests-exhausted")).update();
            awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).getFirst().requestsPerMinute() != null).orElse(false));
            int exhaustedCalls = UPSTREAM.receivedFor("upstream-requests-exhausted").size();

            var first = chatPost(world, chat(model, stream));
            var second = chatPost(world, chat(model, stream));

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
            assertThat(second.headers().firstValue("x-tollgate-attempts")).as("no 429 was needed").hasValue("1");
            assertThat(UPSTREAM.receivedFor("upstream-requests-exhausted")).as("stream: " + stream)
                    .hasSize(exhaustedCalls + 1);
        }
        assertThat(events(world.key().id(), 4)).extracting(e -> e.get("upstream_model")).containsExactly(
                "upstream-requests-exhausted", "gpt-4o-backup", "upstream-requests-exhausted", "gpt-4o-backup");
    }

    @Test
    void a_providers_rate_limit_headers_are_ignored_for_a_deployment_without_a_known_capacity() {
        var world = world();
        String model = modelWith(world, "upstream-requests-exhausted", "gpt-4o-backup");

        chatPost(world, chat(model, false));
        chatPost(world, chat(model, false));

        assertThat(events(world.key().id(), 2)).extracting(e -> e.get("upstream_model"))
                .containsOnly("upstream-requests-exhausted");
    }

    @Test
    void a_fallback_model_serves_when_the_model_cannot_and_is_billed_at_its_own_price() {
        var world = world();
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String broken = SEEDER.model(provider, "upstream-fail", "1", "1", "1");
        String covered = SEEDER.model(provider, "gpt-4o-fallback", "100", "100", "100");
        String uncovered = SEEDER.model(provider, "gpt-4o-uncovered", "1", "1", "1");
        String brokenToo = SEEDER.model(provider, "upstream-fail", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), broken, "APPROVED");
        SEEDER.subscribe(world.tenant(), world.app(), brokenToo, "APPROVED");
        fallback(broken, covered, 0, true);
        fallback(brokenToo, uncovered, 0, false);
        awaitSnapshot(s -> s.model(brokenToo).map(m -> !s.routing(m.id()).fallbacks().isEmpty()).orElse(false)
                && s.model(broken).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent()
                && s.model(brokenToo).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());

        var servedByFallback = chatPost(world, chat(broken, false));
        assertThat(servedByFallback.statusCode()).isEqualTo(200);
        assertThat(servedByFallback.headers().firstValue("x-tollgate-served-model")).hasValue(covered);
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).containsEntry("requested_model", broken).containsEntry("served_model", covered);
        long tokens = ((Number) event.get("prompt_tokens")).longValue() + ((Number) event.get("completion_tokens")).longValue();
        assertThat((BigDecimal) event.get("cost_usd"))
                .as("billed at the fallback's 100 USD per million tokens").isEqualByComparingTo(BigDecimal.valueOf(tokens * 100).movePointLeft(6));

        var notCovered = chatPost(world, chat(brokenToo, false));
        assertThat(notCovered.statusCode()).as("the app holds no subscription to the uncovered fallback").isEqualTo(502);
    }

    private String modelWith(World world, String primary, String secondary) {
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String model = SEEDER.model(provider, primary, "1", "1", "1");
        SEEDER.deployment(model, provider, secondary, 1);
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).size() == 2
                && s.approvedSubscription(world.app(), m.id()).isPresent()).orElse(false));
        return model;
    }

    private static void fallback(String model, String fallback, int position, boolean covered) {
        SEEDER.jdbc().sql("""
                        insert into model_fallbacks (model_id, fallback_model_id, position, covered_by_subscription)
                        select m.id, f.id, ?, ? from models m, models f where m.name = ? and f.name = ?""")
                .params(position, covered, model, fallback).update();
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Route me somewhere healthy, please.\"}]}";
    }

    private HttpResponse<String> chatPost(World world, String body) {
        return postJson("/chat/completions", world.key().plaintext(), body);
    }
}
