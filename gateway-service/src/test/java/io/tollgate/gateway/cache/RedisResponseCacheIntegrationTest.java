package io.tollgate.gateway.cache;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.RedisServer;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways on one real Redis share the response cache: an answer kept through one is a hit on the other, under
 * its tenant's keys and for the time its request asked; tenants never share an answer.
 */
class RedisResponseCacheIntegrationTest {

    private static final Seeder SEEDER = new Seeder(TestPostgres.instance().shared().dataSource());
    private static final FakeUpstream UPSTREAM = FakeUpstream.start();

    private static RedisServer redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> inspect;
    private static StandaloneGateway first;
    private static StandaloneGateway second;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        client = RedisClient.create(redis.url());
        inspect = client.connect();
        var database = TestPostgres.instance().shared();
        var shared = Map.of("tollgate.gateway.cache.redis-url", redis.url());
        first = StandaloneGateway.start(database, Files.createTempDirectory("spool-cache-1"), shared);
        second = StandaloneGateway.start(database, Files.createTempDirectory("spool-cache-2"), shared);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        inspect.close();
        client.shutdown();
        redis.close();
        UPSTREAM.close();
    }

    private record Caller(UUID tenant, UUID app, Seeder.IssuedKey key, String model) {
    }

    @Test
    void an_answer_kept_through_one_gateway_is_a_hit_on_the_other_under_its_tenants_key_with_its_ttl() {
        var caller = caller();
        String marker = marker();
        String body = chatBody(caller.model(), marker);

        var miss = send(first, caller, body, "x-tollgate-cache-ttl", "120");
        var hit = send(second, caller, body);

        assertThat(miss.headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(hit.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(hit.body()).isEqualTo(miss.body());
        var keys = inspect.sync().keys(RedisResponseStore.PREFIX + caller.tenant() + "/*");
        assertThat(keys).singleElement().satisfies(key -> assertThat(inspect.sync().pttl(key))
                .isBetween(1L, Duration.ofSeconds(120).toMillis()));
        assertThat(UPSTREAM.received().stream().filter(r -> r.body().contains(marker))).hasSize(1);
    }

    @Test
    void two_tenants_sending_the_same_request_never_share_an_answer() {
        var one = caller();
        var other = caller();
        // the other tenant calls the first one's model, so only the tenant tells their entries apart
        SEEDER.subscribe(other.tenant(), other.app(), one.model(), "APPROVED");
        awaitSnapshots(other, one.model());
        String body = chatBody(one.model(), marker());

        assertThat(send(first, one, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(second, one, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(send(second, other, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        assertThat(send(first, other, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(inspect.sync().keys(RedisResponseStore.PREFIX + one.tenant() + "/*")).hasSize(1);
        assertThat(inspect.sync().keys(RedisResponseStore.PREFIX + other.tenant() + "/*")).hasSize(1);
    }

    @Test
    void an_answer_expires_in_redis_after_the_time_the_request_asked_for() {
        var caller = caller();
        String body = chatBody(caller.model(), marker());

        assertThat(send(first, caller, body, "x-tollgate-cache-ttl", "1").headers().firstValue("x-tollgate-cache"))
                .hasValue("miss");
        assertThat(send(second, caller, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        await(() -> inspect.sync().keys(RedisResponseStore.PREFIX + caller.tenant() + "/*").isEmpty(),
                Duration.ofSeconds(10), "the entry to expire in Redis");
        assertThat(send(second, caller, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
    }

    /** A tenant whose app caches answers, with a key subscribed to a model of its own on the fake upstream. */
    private static Caller caller() {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        SEEDER.jdbc().sql("update apps set cache_enabled = true where id = ?").param(app).update();
        var key = SEEDER.key(tenant, app, null);
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String model = SEEDER.model(provider, "gpt-4o-2024-08-06", "1", "1", "1");
        SEEDER.subscribe(tenant, app, model, "APPROVED");
        var caller = new Caller(tenant, app, key, model);
        awaitSnapshots(caller, model);
        return caller;
    }

    private static void awaitSnapshots(Caller caller, String model) {
        for (var gateway : new StandaloneGateway[]{first, second}) {
            await(() -> gateway.bean(SnapshotHolder.class).current().filter(s -> s.keyByPrefix(caller.key().prefix())
                    .isPresent() && s.app(caller.app()).filter(app -> app.cacheEnabled()).isPresent()
                    && s.model(model).flatMap(m -> s.approvedSubscription(caller.app(), m.id())).isPresent())
                    .isPresent(), Duration.ofSeconds(10), "the snapshot");
        }
    }

    private static String marker() {
        return "redis-cache-" + UUID.randomUUID();
    }

    private static String chatBody(String model, String content) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}],"
                + "\"temperature\":0}";
    }

    private static HttpResponse<String> send(StandaloneGateway gateway, Caller caller, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + caller.key().plaintext());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        var response = gateway.exchange(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
