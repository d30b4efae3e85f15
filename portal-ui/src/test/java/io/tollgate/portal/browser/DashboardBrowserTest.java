package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.testsupport.TestPasswords;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tenant with a week and a half of metered traffic sees it charted, ranked and measured against its budget. */
@PortalIntegrationTest
class DashboardBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String email;

    @BeforeEach
    void aTenantWithTraffic() {
        UUID tenant = UUID.randomUUID();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, 'Busy Bees', '00000000-0000-0000-0000-00000000f003')""")
                .params(tenant, "busy-" + tenant.toString().substring(0, 8)).update();
        UUID user = UUID.randomUUID();
        email = "busy-" + user + "@bees.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, 'Bea Busy', ?)")
                .params(user, email, TestPasswords.hash(PASSWORD)).update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, 'ADMIN')")
                .params(UUID.randomUUID(), tenant, user).update();
        UUID support = app(tenant, "support-bot");
        UUID search = app(tenant, "search-indexer");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int day = 0; day < 10; day++) {
            Instant at = today.minus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            for (int n = 0; n <= (day * 7) % 5 + 1; n++) {
                event(tenant, support, "gpt-4o-mini", at, 900 + 100 * n, "0.0021");
            }
            event(tenant, search, "text-embedding-3-small", at, 4000, "0.00008");
        }
        UUID budget = UUID.randomUUID();
        jdbc.sql("insert into budgets (id, tenant_id, scope, amount_usd) values (?, ?, 'TENANT', 0.25)")
                .params(budget, tenant).update();
        // what the gateway records as it meters this month's requests
        jdbc.sql("""
                        insert into budget_spend (budget_id, period_start, spent_usd)
                        values (?, date_trunc('month', now() at time zone 'UTC')::date, 0.1625)""")
                .param(budget).update();
    }

    @Test
    void the_dashboard_charts_requests_and_tokens_and_ranks_models_and_apps() {
        Steps you = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = you.page();
        you.signIn(email, PASSWORD);
        you.go("/dashboard");

        assertThat(page.locator(".daily-chart")).hasCount(2);
        assertThat(page.locator(".daily-chart").first().locator("rect.day")).hasCount(14);
        assertThat(page.locator(".daily-chart").first().locator("rect.day").last().locator("title"))
                .hasText(java.util.regex.Pattern.compile(".*: [1-9][0-9]* requests"));
        assertThat(page.getByText("support-bot").first()).isVisible();
        assertThat(page.getByText("text-embedding-3-small").first()).isVisible();
        assertThat(page.getByText("Whole tenant (MONTH): $0.16 of $0.25 (65%)")).isVisible();
        assertThat(page.locator("vaadin-progress-bar")).hasCount(1);
        Browser.screenshot(page, "dashboard");
    }

    private UUID app(UUID tenant, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (?, ?, ?)").params(id, tenant, name).update();
        return id;
    }

    private void event(UUID tenant, UUID app, String model, Instant at, int promptTokens, String cost) {
        jdbc.sql("""
                        insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint,
                            requested_model, served_model, prompt_tokens, completion_tokens, cost_usd, latency_ms,
                            status_code)
                        values (?, ?, ?, ?, ?, 'CHAT', ?, ?, ?, 120, ?::numeric, 300, 200)""")
                .params(UUID.randomUUID(), Timestamp.from(at), tenant, app, UUID.randomUUID(), model, model,
                        promptTokens, cost).update();
    }
}
