package io.tollgate.gateway.routing;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.RedisServer;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two gateways on one real Redis agree on routing: a breaker opened on one keeps the other's traffic off the
 * deployment, and provider capacity used through one counts on the other. Without Redis each routes alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRoutingIntegrationTest {

    private static final Seeder SEEDER = new Seeder(TestPostgres.instance().shared().dataSource());
    private static final FakeUpstream UPSTREAM = FakeUpstream.start();

    private static RedisServer redis;
    private static StandaloneGateway first;
    private static StandaloneGateway second;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        var database = TestPostgres.instance().shared();
        var shared = Map.of("tollgate.gateway.routing.redis-url", redis.url(),
                "tollgate.gateway.routing.shared-sync-interval", "100ms");
        first = StandaloneGateway.start(database, Files.createTempDirectory("spool-routing-1"), shared);
        second = StandaloneGateway.start(database, Files.createTempDirectory("spool-routing-2"), shared);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        redis.close();
        UPSTREAM.close();
    }

    private record Caller(Seeder.IssuedKey key, String model, UUID primary) {
    }

    @Test
    @Order(1)
    void a_breaker_opened_on_one_gateway_keeps_the_other_off_the_deployment() {
        String primary = "shared-breaker-" + UUID.randomUUID();
        var caller = caller(primary);
        UPSTREAM.fail(primary);
        for (int i = 0; i < 5; i++) {
            assertThat(first.exchange(first.chat(caller.key().plaintext(), caller.model())).statusCode()).isEqualTo(200);
        }
        assertThat(UPSTREAM.receivedFor(primary)).hasSize(5);
        assertThat(first.bean(DeploymentStates.class).of(caller.primary()).state()).isEqualTo(
                io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);

        await(() -> second.bean(DeploymentStates.class).of(caller.primary()).outOfRotation(System.currentTimeMillis()),
                Duration.ofSeconds(10), "the second gateway seeing the breaker open");
        for (int i = 0; i < 3; i++) {
            var response = second.exchange(second.chat(caller.key().plaintext(), caller.model()));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("1");
        }
        assertThat(UPSTREAM.receivedFor(primary)).as("the second gateway never called the failing deployment").hasSize(5);
    }

    @Test
    @Order(2)
    void provider_capacity_used_through_one_gateway_counts_on_the_other() {
        String capped = "shared-capped-" + UUID.randomUUID();
        var caller = caller(capped);
        SEEDER.jdbc().sql("update deployments set requests_per_minute = 2 where id = ?").param(caller.primary()).update();
        Predicate<ConfigSnapshot> capacity = s -> s.model(caller.model())
                .map(m -> s.deployments(m.id()).getFirst().requestsPerMinute() != null).orElse(false);
        awaitSnapshots(capacity);

        for (int i = 0; i < 2; i++) {
            var response = first.exchange(first.chat(caller.key().plaintext(), caller.model()));
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(UPSTREAM.receivedFor(capped)).hasSize(2);

        var onSecond = second.bean(DeploymentStates.class).of(caller.primary());
        await(() -> !onSecond.hasRequestCapacity(2, System.nanoTime(), System.currentTimeMillis()),
                Duration.ofSeconds(10), "the second gateway counting the first one's requests");
        var response = second.exchange(second.chat(caller.key().plaintext(), caller.model()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("1");
        assertThat(UPSTREAM.receivedFor(capped)).as("the capped deployment got no third request").hasSize(2);
    }

    @Test
    @Order(3)
    void requests_are_served_while_redis_is_down() {
        var caller = caller("shared-outage-" + UUID.randomUUID());
        redis.stop();
        try {
            for (var gateway : new StandaloneGateway[]{first, second}) {
                var response = gateway.exchange(gateway.chat(caller.key().plaintext(), caller.model()));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("1");
            }
            await(() -> first.managementGet("/actuator/prometheus").body()
                    .matches("(?s).*\ntollgate_gateway_routing_store_failures_total(\\{[^}]*\\})? [1-9].*"),
                    Duration.ofSeconds(10), "the outage counted");
        } finally {
            redis.restart();
        }
    }

    /** A key subscribed to a new model whose first deployment (returned) serves that upstream model, and a backup. */
    private static Caller caller(String upstreamModel) {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        var key = SEEDER.key(tenant, app, null);
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String model = SEEDER.model(provider, upstreamModel, "1", "1", "1");
        SEEDER.deployment(model, provider, "gpt-4o-backup", 1);
        SEEDER.subscribe(tenant, app, model, "APPROVED");
        awaitSnapshots(s -> s.keyByPrefix(key.prefix()).isPresent() && s.model(model).map(m -> s.deployments(m.id()).size() == 2
                && s.approvedSubscription(app, m.id()).isPresent()).orElse(false));
        return new Caller(key, model, SEEDER.deploymentOf(model, upstreamModel));
    }

    private static void awaitSnapshots(Predicate<ConfigSnapshot> condition) {
        for (var gateway : new StandaloneGateway[]{first, second}) {
            await(() -> gateway.bean(SnapshotHolder.class).current().filter(condition).isPresent(),
                    Duration.ofSeconds(10), "the snapshot");
        }
    }
}
