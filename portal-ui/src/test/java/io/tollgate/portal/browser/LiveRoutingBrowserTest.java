package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator watches routing live: the rows two gateway replicas publish (written here as the gateway's
 * {@code RoutingStatePublisher} writes them) appear per deployment, summed and formatted, a stale replica is left
 * out, and a change the replicas publish later shows without reloading the page.
 */
@PortalIntegrationTest
class LiveRoutingBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_sees_each_deployments_breaker_latency_errors_load_and_quota_refreshed_live() {
        // names starting with "00" sort first, so the rows are rendered however many deployments other tests added
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String model = "00live-" + suffix;
        UUID provider = UUID.randomUUID();
        jdbc.sql("insert into providers (id, name, type) values (?, ?, 'MOCK')").params(provider, "live-" + suffix).update();
        UUID modelId = UUID.randomUUID();
        jdbc.sql("insert into models (id, name, display_name, context_window) values (?, ?, 'Live test', 8192)")
                .params(modelId, model).update();
        UUID failing = deployment(modelId, provider, "mock-primary", 0, null);
        UUID serving = deployment(modelId, provider, "mock-backup", 1, 600);
        publish("gw-a/1a2b3", failing, "OPEN", null, 10, 6, 0, 12, "0 seconds");
        publish("gw-b/4c5d6", failing, "CLOSED", 80.0, 4, 0, 0, 3, "0 seconds");
        publish("gw-a/1a2b3", serving, "CLOSED", 1234.5, 20, 1, 2, 100, "0 seconds");
        publish("gw-b/4c5d6", serving, "CLOSED", 1234.5, 0, 0, 1, 20, "0 seconds");
        publish("gw-gone/7e8f9", serving, "OPEN", 5.0, 20, 20, 9, 999, "1 minute");
        // the two live replicas keep publishing, as gateways do every 2 s
        var replicas = Executors.newSingleThreadScheduledExecutor();
        replicas.scheduleWithFixedDelay(() -> jdbc.sql("""
                        update deployment_live_states set updated_at = now()
                        where replica_id in ('gw-a/1a2b3', 'gw-b/4c5d6') and deployment_id in (?, ?)""")
                .params(failing, serving).update(), 0, 500, TimeUnit.MILLISECONDS);
        try {
            watch(suffix, failing);
        } finally {
            replicas.shutdownNow();
        }
    }

    private void watch(String suffix, UUID failing) {
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);
        admin.go("/admin/routing");

        // the cells' texts are unique to this test's deployments: no other test publishes live state
        assertThat(cell(page, "live-" + suffix + " · mock-primary")).hasCount(1);
        assertThat(cell(page, "OPEN on 1 of 2 replicas")).hasCount(1);
        assertThat(cell(page, "43% (6 of 14 calls)")).hasCount(1);
        assertThat(cell(page, "1.23 s")).hasCount(1);
        assertThat(cell(page, "5% (1 of 20 calls)")).hasCount(1);
        assertThat(cell(page, "120 / 600 (20%)")).hasCount(1); // the stale replica's 999 are left out
        assertThat(cell(page, "2 (+1 stale)")).hasCount(1);
        assertThat(page.locator("#live-routing-summary")).containsText("with an open or half-open breaker");
        admin.settle();
        Browser.screenshot(page, "admin-live-routing");

        // the breaker closes on the first replica; the page polls and shows it without a reload
        publish("gw-a/1a2b3", failing, "CLOSED", 95.0, 12, 6, 0, 13, "0 seconds");
        assertThat(cell(page, "OPEN on 1 of 2 replicas")).hasCount(0,
                new LocatorAssertions.HasCountOptions().setTimeout(10_000));
        assertThat(cell(page, "38% (6 of 16 calls)")).hasCount(1);
    }

    /**
     * The grid's cells whose whole text is {@code text}. The pattern goes to the browser as a JavaScript regular
     * expression, which knows no {@code \Q...\E} quoting: special characters are escaped one by one.
     */
    private static Locator cell(Page page, String text) {
        String literal = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        return page.locator("#live-routing-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + literal + "$")));
    }

    private UUID deployment(UUID model, UUID provider, String upstreamModel, int priority, Integer requestsPerMinute) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deployments (id, model_id, provider_id, upstream_model, weight, priority,
                                                 requests_per_minute)
                        values (?, ?, ?, ?, 100, ?, ?)""")
                .params(id, model, provider, upstreamModel, priority, requestsPerMinute).update();
        return id;
    }

    private void publish(String replica, UUID deployment, String breaker, Double latencyMs, int calls, int failed,
                         int inFlight, long requests, String age) {
        jdbc.sql("""
                        insert into deployment_live_states (replica_id, deployment_id, breaker_state, latency_ms,
                            window_calls, window_failed_calls, in_flight, requests_last_minute, tokens_last_minute,
                            updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 0, now() - cast(? as interval))
                        on conflict (replica_id, deployment_id) do update set breaker_state = excluded.breaker_state,
                            latency_ms = excluded.latency_ms, window_calls = excluded.window_calls,
                            window_failed_calls = excluded.window_failed_calls, in_flight = excluded.in_flight,
                            requests_last_minute = excluded.requests_last_minute, updated_at = excluded.updated_at""")
                .params(replica, deployment, breaker, latencyMs, calls, failed, inFlight, requests, age).update();
    }
}
