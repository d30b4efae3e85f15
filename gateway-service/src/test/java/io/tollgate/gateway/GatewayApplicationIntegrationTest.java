package io.tollgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gateway service starts on real ports against the real test PostgreSQL and reports itself healthy. */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "tollgate.secrets.dev-defaults=true")
class GatewayApplicationIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void health_answers_up_on_the_management_port_without_credentials() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        // health, as readiness, waits for the first configuration snapshot
        assertThat(awaitStatus(managementPort, "/actuator/health", 200)).isEqualTo(200);
        HttpResponse<String> health = get(managementPort, "/actuator/health");

        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void the_public_port_serves_no_actuator_and_no_metrics_but_liveness_and_readiness() throws Exception {
        for (String path : new String[] {"/metrics", "/actuator/health", "/actuator/prometheus", "/actuator"}) {
            assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        assertThat(awaitStatus(port, "/readyz", 200)).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("tollgate_gateway_snapshot_age_seconds");
    }

    /** Waits until {@code path} answers {@code wanted} (the first snapshot loads after the start), at most 20 s. */
    private int awaitStatus(int port, String path, int wanted) {
        return Awaitility.await(path + " answering " + wanted).atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> get(port, path).statusCode(), status -> status == wanted);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
