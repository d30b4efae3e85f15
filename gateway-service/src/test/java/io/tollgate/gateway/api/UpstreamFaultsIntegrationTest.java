package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A provider's faults reach the client with their meaning kept, and are metered once, each by its stated rule. */
class UpstreamFaultsIntegrationTest extends GatewayIntegrationTest {

    @Test
    void a_providers_429_passes_its_retry_after_on_and_a_503_stays_503() {
        var world = world();
        String limited = model(world, "upstream-rate-limited");
        String overloaded = model(world, "upstream-overloaded");

        var rateLimited = chatPost(world, chat(limited, false));
        assertThat(rateLimited.statusCode()).isEqualTo(429);
        assertThat(rateLimited.headers().firstValue("retry-after")).hasValue("7");
        assertThat(rateLimited.body()).contains("\"code\":\"upstream_rate_limited\"");

        var unavailable = chatPost(world, chat(overloaded, false));
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("\"code\":\"upstream_unavailable\"");
        assertThat(events(world.key().id(), 2)).extracting(e -> e.get("status_code")).containsExactlyInAnyOrder(429, 503);
    }

    @Test
    void a_connection_reset_before_the_answer_says_so_in_its_code() {
        var world = world();
        var reset = chatPost(world, chat(model(world, "upstream-reset"), false));

        assertThat(reset.statusCode()).isEqualTo(502);
        assertThat(reset.body()).contains("\"code\":\"upstream_reset\"");
        assertThat(events(world.key().id(), 1)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("error_type", "upstream_reset"));
    }

    @Test
    void an_unreadable_success_is_a_502_metered_as_estimated_and_not_charged() {
        var world = world();
        var garbage = chatPost(world, chat(model(world, "upstream-garbage"), false));

        assertThat(garbage.statusCode()).isEqualTo(502);
        assertThat(garbage.body()).contains("\"code\":\"upstream_invalid_response\"");
        assertThat(events(world.key().id(), 1)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("status_code", 502).containsEntry("usage_estimated", true);
            assertThat((Integer) e.get("prompt_tokens")).isPositive();
            assertThat((BigDecimal) e.get("cost_usd")).isZero();
        });
    }

    @Test
    void a_stream_cut_off_midway_ends_with_an_error_event_and_bills_what_was_delivered() {
        var world = world();
        var cut = chatPost(world, chat(model(world, "upstream-stream-cut"), true));

        assertThat(cut.statusCode()).isEqualTo(200);
        String[] events = cut.body().strip().split("\n\n");
        assertThat(events).as(cut.body()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events[0]).contains("chat.completion.chunk");
        assertThat(events[events.length - 1]).startsWith("data: {\"error\":").contains("\"type\":\"upstream_error\"");
        assertThat(events(world.key().id(), 1)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("status_code", 502).containsEntry("error_type", "stream_interrupted")
                    .containsEntry("usage_estimated", true);
            assertThat((BigDecimal) e.get("cost_usd")).isPositive();
        });
    }

    private String model(World world, String upstreamModel) {
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String model = SEEDER.model(provider, upstreamModel, "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());
        return model;
    }

    private static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello to the whole world, please.\"}]}";
    }

    private HttpResponse<String> chatPost(World world, String body) {
        return postJson("/chat/completions", world.key().plaintext(), body);
    }
}
