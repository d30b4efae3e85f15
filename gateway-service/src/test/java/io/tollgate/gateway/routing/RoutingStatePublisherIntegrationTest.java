package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway publishes what it knows of each deployment to PostgreSQL for the portal's live routing view: a
 * deployment whose breaker opened after faults shows as OPEN with its failures, the one that served as CLOSED with
 * its latency and the requests it took.
 */
class RoutingStatePublisherIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    private RoutingStatePublisher publisher;

    @Test
    void a_breaker_opened_by_faults_is_published_as_open_next_to_the_healthy_deployment() {
        var world = world();
        String primary = "published-primary-" + UUID.randomUUID();
        UPSTREAM.fail(primary);
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String model = SEEDER.model(provider, primary, "1", "1", "1");
        SEEDER.deployment(model, provider, "gpt-4o-backup", 1);
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).size() == 2
                && s.approvedSubscription(world.app(), m.id()).isPresent()).orElse(false));
        UUID failing = SEEDER.deploymentOf(model, primary);
        UUID healthy = SEEDER.deploymentOf(model, "gpt-4o-backup");

        for (int i = 0; i < 5; i++) {
            var response = postJson("/chat/completions", world.key().plaintext(), "{\"model\":\"" + model
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Publish me.\"}]}");
            assertThat(response.statusCode()).isEqualTo(200);
        }

        await(() -> row(failing).map(r -> r.get("breaker_state").equals("OPEN")).orElse(false),
                Duration.ofSeconds(10), "the open breaker published");
        assertThat(row(failing).orElseThrow())
                .containsEntry("window_calls", 5).containsEntry("window_failed_calls", 5)
                .containsEntry("in_flight", 0).containsEntry("requests_last_minute", 5L)
                .containsEntry("latency_ms", null);
        await(() -> row(healthy).isPresent(), Duration.ofSeconds(10), "the healthy deployment published");
        var served = row(healthy).orElseThrow();
        assertThat(served).containsEntry("breaker_state", "CLOSED").containsEntry("window_calls", 5)
                .containsEntry("window_failed_calls", 0).containsEntry("requests_last_minute", 5L);
        assertThat((Double) served.get("latency_ms")).isPositive();
        assertThat((Boolean) served.get("fresh")).as("written with the database's time, within the interval").isTrue();
    }

    private Optional<Map<String, Object>> row(UUID deployment) {
        return SEEDER.jdbc().sql("""
                        select breaker_state, latency_ms, window_calls, window_failed_calls, in_flight,
                               requests_last_minute, updated_at > now() - interval '10 seconds' fresh
                        from deployment_live_states where replica_id = ? and deployment_id = ?""")
                .params(publisher.replicaId(), deployment).query().listOfRows().stream().findFirst();
    }
}
