package io.tollgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gateway service starts on a real port against the real test PostgreSQL and reports itself healthy. */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "tollgate.secrets.dev-defaults=true")
class GatewayApplicationIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void health_endpoint_answers_up_without_credentials() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
