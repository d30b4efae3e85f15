package io.tollgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.jobs.JobRunner;
import io.tollgate.testsupport.OpsMetricNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The billing service starts on real ports against the real test PostgreSQL and reports itself healthy. It runs in
 * the billing tests' shared context, as a context of its own would cost a second start; the standalone test starts
 * billing as shipped, its scheduled jobs on.
 */
class BillingApplicationIntegrationTest extends BillingIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;

    @Autowired
    JobRunner jobs;

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

    /** The gateway's test proves the other names the shipped alert rules and dashboards query. */
    @Test
    void every_billing_metric_the_shipped_alert_rules_and_dashboards_query_is_exported() throws Exception {
        jobs.run("metrics-check", () -> { });

        var referenced = OpsMetricNames.referenced(Path.of("")).stream()
                .filter(name -> name.startsWith("tollgate_billing_")).toList();

        assertThat(referenced).contains("tollgate_billing_job_runs_total", "tollgate_billing_alert_deliveries_total");
        assertThat(OpsMetricNames.exported(get(managementPort, "/actuator/prometheus").body())).containsAll(referenced);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
