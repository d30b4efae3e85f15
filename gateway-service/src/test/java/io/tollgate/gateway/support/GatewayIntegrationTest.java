package io.tollgate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.testsupport.PostgresIntegrationTest;
import io.tollgate.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A running gateway on a random port against the shared test PostgreSQL, a fake OpenAI-compatible upstream over
 * real HTTP, and BlockHound watching the event loops. Every subclass shares one application context.
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tollgate.secrets.api-key-secret=" + Seeder.API_KEY_SECRET,
        "tollgate.secrets.master-keys=" + Seeder.MASTER_KEYS,
        "tollgate.gateway.metering.flush-interval=20ms",
        "tollgate.gateway.routing.breaker-open-for=1s",
        "tollgate.gateway.metering.spool-directory=${java.io.tmpdir}/tollgate-gateway-tests/${random.uuid}"})
@Import(TestTimeMeter.Config.class)
public abstract class GatewayIntegrationTest {

    static {
        BlockHoundSupport.install();
    }

    protected static final FakeUpstream UPSTREAM = FakeUpstream.start();
    protected static final Seeder SEEDER = new Seeder(TestPostgres.instance().shared().dataSource());

    @LocalServerPort
    protected int port;

    /** Actuator health, metrics and Prometheus: never on the public port. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected SnapshotHolder snapshots;

    /** One tenant, app and key, subscribed to a model on the fake upstream and to one on the mock provider. */
    public record World(UUID tenant, UUID app, Seeder.IssuedKey key, String chatModel, String mockModel) {
    }

    protected World world() {
        return world("{}");
    }

    protected World world(String mockSettings) {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        var key = SEEDER.key(tenant, app, null);
        String chat = SEEDER.model(SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl()), "gpt-4o-2024-08-06",
                "2.50", "1.25", "10.00");
        String mock = SEEDER.model(SEEDER.mockProvider(mockSettings), "mock-gpt", "0.15", "0.075", "0.60");
        SEEDER.subscribe(tenant, app, chat, "APPROVED");
        SEEDER.subscribe(tenant, app, mock, "APPROVED");
        awaitSnapshot(s -> s.keyByPrefix(key.prefix()).isPresent() && s.model(mock).isPresent()
                && s.approvedSubscription(app, s.model(mock).get().id()).isPresent());
        return new World(tenant, app, key, chat, mock);
    }

    protected String baseUrl() {
        return "http://localhost:" + port + "/v1";
    }

    protected OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    /** A POST of a JSON body to a model endpoint with the key, over plain HTTP. */
    protected HttpResponse<String> postJson(String path, String key, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected void awaitSnapshot(Predicate<ConfigSnapshot> condition) {
        await(() -> snapshots.current().filter(condition).isPresent(), Duration.ofSeconds(10), "the snapshot");
    }

    /** The usage events of a key, once there are {@code count} of them. */
    protected List<Map<String, Object>> events(UUID keyId, int count) {
        await(() -> countEvents(keyId) >= count, Duration.ofSeconds(15), count + " usage events");
        return SEEDER.jdbc().sql("select * from usage_events where api_key_id = ? order by occurred_at, id")
                .param(keyId).query().listOfRows();
    }

    protected int countEvents(UUID keyId) {
        return SEEDER.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(keyId)
                .query(Integer.class).single();
    }

    /**
     * Makes one metered request on a world of its own and waits for its usage event: the metering journal is written
     * in order, so every event queued before it is in PostgreSQL too. What is not there by then was never metered.
     */
    protected void awaitMeteringFlush() {
        var marker = world();
        assertThat(postJson("/chat/completions", marker.key().plaintext(), "{\"model\":\"" + marker.mockModel()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"flush\"}]}").statusCode()).isEqualTo(200);
        events(marker.key().id(), 1);
    }

    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
