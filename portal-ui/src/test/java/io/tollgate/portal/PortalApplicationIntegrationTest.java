package io.tollgate.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal service starts on real ports against the real test PostgreSQL and reports itself healthy. */
@PostgresIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "tollgate.secrets.dev-defaults=true")
class PortalApplicationIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void health_and_prometheus_answer_on_the_management_port_without_credentials() throws Exception {
        HttpResponse<String> health = get(managementPort, "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void the_public_port_serves_no_actuator_endpoint() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            assertThat(get(port, path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
