package io.tollgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Changes reach the snapshot through LISTEN/NOTIFY, not the periodic reload. */
class RevocationIntegrationTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void revoked_key_is_refused_within_one_second() throws Exception {
        var world = world();
        assertThat(call(world.key().plaintext(), world.mockModel())).isEqualTo(200);

        SEEDER.jdbc().sql("update api_keys set status = 'REVOKED', revoked_at = now() where id = ?")
                .param(world.key().id()).update();
        long committed = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - committed < Duration.ofSeconds(3).toNanos()) {
            status = call(world.key().plaintext(), world.mockModel());
        }
        long refusedAfter = Duration.ofNanos(System.nanoTime() - committed).toMillis();

        assertThat(status).isEqualTo(401);
        assertThat(refusedAfter).as("milliseconds from the revocation's commit to the first refusal").isLessThan(1000);
    }

    private int call(String key, String model) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
