package io.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The response cache on a real redis-server: answers live in Redis under their tenant's keys with the time their
 * request asked for, a hit is read from Redis (so an answer another replica kept serves here), tenants never share an
 * answer. A context of its own (a gateway with Redis), kept open like the shared one: closing a gateway in the test JVM
 * would stop the shared context's management server.
 */
class RedisResponseCacheIntegrationTest extends GatewayIntegrationTest {

    private static final RedisServer REDIS = RedisServer.start();
    private static final RedisClient CLIENT = RedisClient.create(REDIS.url());
    private static final StatefulRedisConnection<String, byte[]> INSPECT =
            CLIENT.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("tollgate.gateway.cache.redis-url", REDIS::url);
    }

    @AfterAll
    static void closeClient() {
        INSPECT.close();
        CLIENT.shutdown();
    }

    @Test
    void an_answer_is_kept_in_redis_under_its_tenants_key_with_its_ttl_and_hits_are_read_from_there() {
        var world = cachingWorld();
        String marker = marker();
        String body = chatBody(world.chatModel(), marker);

        var miss = send(world, body, "x-tollgate-cache-ttl", "120");
        assertThat(miss.headers().firstValue("x-tollgate-cache")).hasValue("miss");
        String key = await(world.tenant(), 1).getFirst();
        assertThat(INSPECT.sync().pttl(key)).isBetween(1L, Duration.ofSeconds(120).toMillis());
        assertThat(CachedAnswer.decode(INSPECT.sync().get(key)).tokens()).as("1,200 + 300 reported").isEqualTo(1_500);

        // what another replica would have kept under the same key
        INSPECT.sync().set(key, new CachedAnswer("{\"kept\":\"elsewhere\"}".getBytes(StandardCharsets.UTF_8), 1_500)
                .encode());
        var hit = send(world, body);

        assertThat(hit.headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(hit.body()).isEqualTo("{\"kept\":\"elsewhere\"}");
        assertThat(UPSTREAM.received().stream().filter(r -> r.body().contains(marker))).hasSize(1);
    }

    @Test
    void two_tenants_sending_the_same_request_never_share_an_answer() {
        var one = cachingWorld();
        var other = cachingWorld();
        // the other tenant calls the first one's model, so only the tenant tells their entries apart
        SEEDER.subscribe(other.tenant(), other.app(), one.chatModel(), "APPROVED");
        awaitSnapshot(s -> s.model(one.chatModel()).flatMap(m -> s.approvedSubscription(other.app(), m.id())).isPresent());
        String body = chatBody(one.chatModel(), marker());

        assertThat(send(one, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        await(one.tenant(), 1);
        assertThat(send(one, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(send(other, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
        await(other.tenant(), 1);
        assertThat(send(other, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        assertThat(INSPECT.sync().keys(RedisResponseStore.PREFIX + one.tenant() + "/*")).hasSize(1);
    }

    @Test
    void an_answer_expires_in_redis_after_the_time_the_request_asked_for() {
        var world = cachingWorld();
        String body = chatBody(world.chatModel(), marker());

        assertThat(send(world, body, "x-tollgate-cache-ttl", "1").headers().firstValue("x-tollgate-cache"))
                .hasValue("miss");
        await(world.tenant(), 1);
        assertThat(send(world, body).headers().firstValue("x-tollgate-cache")).hasValue("hit");
        await(() -> INSPECT.sync().keys(RedisResponseStore.PREFIX + world.tenant() + "/*").isEmpty(),
                Duration.ofSeconds(10), "the entry to expire in Redis");
        assertThat(send(world, body).headers().firstValue("x-tollgate-cache")).hasValue("miss");
    }

    /** The tenant's keys once there are {@code count} (a miss is written to Redis after its answer is sent). */
    private static List<String> await(UUID tenant, int count) {
        await(() -> INSPECT.sync().keys(RedisResponseStore.PREFIX + tenant + "/*").size() >= count,
                Duration.ofSeconds(10), "the answer in Redis");
        return INSPECT.sync().keys(RedisResponseStore.PREFIX + tenant + "/*");
    }

    private World cachingWorld() {
        var world = world();
        SEEDER.jdbc().sql("update apps set cache_enabled = true where id = ?").param(world.app()).update();
        awaitSnapshot(s -> s.app(world.app()).filter(app -> app.cacheEnabled()).isPresent());
        return world;
    }

    private static String marker() {
        return "redis-cache-" + UUID.randomUUID();
    }

    private static String chatBody(String model, String content) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}],"
                + "\"temperature\":0}";
    }

    private HttpResponse<String> send(World world, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + world.key().plaintext());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
