package io.tollgate.gateway.limits;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.support.RedisServer;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two gateways sharing one real Redis: the first fails open when Redis is unreachable (the default), the second
 * fails closed. Together they enforce one limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisLimitsIntegrationTest {

    private static final Seeder SEEDER = new Seeder(TestPostgres.instance().shared().dataSource());

    private static RedisServer redis;
    private static StandaloneGateway failOpen;
    private static StandaloneGateway failClosed;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        var database = TestPostgres.instance().shared();
        failOpen = StandaloneGateway.start(database, Files.createTempDirectory("spool-redis-open"),
                Map.of("tollgate.gateway.limits.redis-url", redis.url()));
        failClosed = StandaloneGateway.start(database, Files.createTempDirectory("spool-redis-closed"),
                Map.of("tollgate.gateway.limits.redis-url", redis.url(), "tollgate.gateway.limits.redis-fail-mode", "closed"));
    }

    @AfterAll
    static void stop() {
        failOpen.close();
        failClosed.close();
        redis.close();
    }

    record Caller(Seeder.IssuedKey key, String model) {
    }

    @Test
    @Order(1)
    void two_gateways_enforce_one_combined_limit() {
        var caller = callerWithLimit("requests_per_hour = 10");

        for (int i = 1; i <= 10; i++) {
            var gateway = i % 2 == 0 ? failOpen : failClosed;
            var response = send(gateway, caller);
            assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
            assertThat(response.headers().firstValue("x-ratelimit-remaining-requests")).as("request " + i)
                    .hasValue(Integer.toString(10 - i));
        }
        for (int i = 11; i <= 14; i++) {
            var response = send(i % 2 == 0 ? failOpen : failClosed, caller);
            assertThat(response.statusCode()).as("request " + i).isEqualTo(429);
            assertThat(response.body()).contains("requests_per_hour of the app (limit 10)");
            assertThat(response.headers().firstValue("retry-after")).isPresent();
        }
    }

    @Test
    @Order(2)
    void with_redis_down_one_gateway_fails_open_and_the_other_closed_until_redis_is_back() {
        var caller = callerWithLimit("requests_per_hour = 2");
        var outage = failOpen.bean(StoreOutage.class);
        double failuresBefore = outage.failureCount();

        redis.stop();
        try {
            for (int i = 0; i < 4; i++) {
                assertThat(send(failOpen, caller).statusCode()).as("fail open: beyond the limit, unlimited").isEqualTo(200);
            }
            assertThat(outage.failureCount()).isGreaterThanOrEqualTo(failuresBefore + 4);
            var refused = send(failClosed, caller);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("\"code\":\"rate_limiter_unavailable\"", "\"type\":\"server_error\"");
        } finally {
            redis.restart();
        }

        // Redis came back empty; each gateway reconnects by itself, in its own time, and enforces the limit again
        await(() -> send(failClosed, caller).statusCode() == 429, Duration.ofSeconds(30), "the limit enforced again");
        await(() -> send(failOpen, caller).statusCode() == 429, Duration.ofSeconds(30),
                "the limit enforced again by the gateway that failed open");
    }

    private Caller callerWithLimit(String assignment) {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        var key = SEEDER.key(tenant, app, null);
        String model = SEEDER.model(SEEDER.mockProvider("{}"), "mock-gpt", "0.15", "0.075", "0.60");
        SEEDER.subscribe(tenant, app, model, "APPROVED");
        SEEDER.jdbc().sql("update subscriptions set " + assignment + " where app_id = ?").param(app).update();
        for (var gateway : new StandaloneGateway[] {failOpen, failClosed}) {
            await(() -> gateway.bean(SnapshotHolder.class).current()
                    .filter(s -> s.keyByPrefix(key.prefix()).isPresent())
                    .flatMap(s -> s.model(model).flatMap(m -> s.approvedSubscription(app, m.id())))
                    .filter(sub -> !sub.limits().isUnlimited()).isPresent(), Duration.ofSeconds(20), "the snapshot");
        }
        return new Caller(key, model);
    }

    private HttpResponse<String> send(StandaloneGateway gateway, Caller caller) {
        try {
            return http.send(gateway.chat(caller.key().plaintext(), caller.model()), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
