package io.tollgate.portal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.browser.Browser;
import io.tollgate.portal.browser.Steps;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's journey, in a real Chromium against the running portal, the real gateway (the packaged jar in a process
 * of its own, see {@link RunningGateway}) and a real PostgreSQL: the key copied from the page calls a model served
 * by the gateway's built-in mock provider, the call shows up in the portal, and the revoked key is refused.
 */
@PortalIntegrationTest
class TenantJourneyBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    // configuration reaches the gateway through LISTEN/NOTIFY within a second; the rest is slack for a loaded machine
    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String modelName;
    RunningGateway gateway;

    @BeforeEach
    void startTheGateway() {
        // boots while the journey signs up, registers the app and requests access
        gateway = RunningGateway.shared();
    }

    @BeforeEach
    void aModelThatNeedsApprovalServedByTheMockProvider() {
        modelName = "gated-" + UUID.randomUUID().toString().substring(0, 8);
        UUID provider = UUID.randomUUID();
        UUID model = UUID.randomUUID();
        jdbc.sql("insert into providers (id, name, type, settings) values (?, ?, 'MOCK', ?::jsonb)")
                .params(provider, "mock-" + modelName, "{\"latencyMs\": 0}").update();
        jdbc.sql("""
                        insert into models (id, name, display_name, description, capabilities, context_window,
                                            requires_approval)
                        values (?, ?, 'Gated model', 'A model that needs approval', '{chat,streaming}', 128000, true)""")
                .params(model, modelName).update();
        jdbc.sql("insert into deployments (id, model_id, provider_id, upstream_model) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), model, provider, modelName).update();
        jdbc.sql("""
                        insert into prices (id, model_id, effective_from, input_per_million, output_per_million,
                                            cached_input_per_million)
                        values (?, ?, '2026-01-01T00:00:00Z', 2.50, 10.00, 1.25)""")
                .params(UUID.randomUUID(), model).update();
    }

    @Test
    void sign_up_app_key_shown_once_request_approval_call_the_gateway_see_usage_budget_rotate_and_revoke() {
        String email = "owner-" + UUID.randomUUID() + "@acme.test";
        String baseUrl = "http://localhost:" + port;
        Steps tenant = new Steps(Browser.desktop(baseUrl));
        Page page = tenant.page();

        tenant.signUp("Acme Research", "Ada Owner", email, PASSWORD);
        Browser.screenshot(page, "login");
        tenant.signIn(email, PASSWORD);
        assertThat(page.getByText("No budgets yet").first()).isVisible();

        tenant.go("/apps");
        page.locator(".empty-state").first().waitFor();
        page.locator("#new-app").click();
        tenant.fill("#app-name", "support-bot");
        page.locator("#app-save").click();
        assertThat(page.locator("#apps-grid")).containsText("support-bot");
        Browser.screenshot(page, "apps");

        tenant.click("API keys");
        page.locator("#new-key").click();
        tenant.fill("#key-name", "production");
        page.locator("#create-key").click();
        String key = page.locator("#new-key-value input").inputValue();
        assertThat(key).startsWith("tg_").hasSize(35);
        assertThat(page.getByText("curl http://gateway.test:8080/v1/chat/completions")).isVisible();
        Browser.screenshot(page, "api-key-shown-once");
        page.locator("#key-done").click();
        assertThat(page.locator("#new-key-value")).hasCount(0);
        assertThat(page.locator("#keys-grid")).containsText(key.substring(0, 11));
        assertThat(page.content()).doesNotContain(key);
        page.reload();
        assertThat(page.locator("#keys-grid")).containsText(key.substring(0, 11));
        assertThat(page.content()).doesNotContain(key);

        tenant.go("/catalog");
        page.locator(".request-" + modelName).click();
        page.locator("#request-app").click();
        page.locator("vaadin-combo-box-item").getByText("support-bot").click();
        tenant.fill("#request-justification", "Answers customer questions");
        Browser.screenshot(page, "catalog-request");
        page.locator("#request-submit").click();
        tenant.go("/subscriptions");
        assertThat(page.locator("#subscriptions-grid")).containsText("PENDING");
        gateway.awaitReady();
        HttpResponse<String> pending = gateway.chatUntil(key, modelName, 403, PROPAGATION);
        assertThat(pending.statusCode()).as("a pending request grants nothing: %s", pending.body()).isEqualTo(403);
        assertThat(pending.body()).contains("model_not_subscribed");

        Steps admin = new Steps(Browser.desktop(baseUrl));
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);
        admin.go("/admin/approvals");
        Page adminPage = admin.page();
        assertThat(adminPage.locator("#approvals-grid")).containsText("Answers customer questions");
        UUID subscriptionId = jdbc.sql("""
                        select s.id from subscriptions s join models m on m.id = s.model_id where m.name = ?""")
                .param(modelName).query(UUID.class).single();
        Browser.screenshot(adminPage, "admin-approvals");
        adminPage.locator(".approve-" + subscriptionId).click();
        admin.fill("#approval-budget", "250");
        adminPage.locator("#approval-submit").click();
        assertThat(adminPage.locator(".approve-" + subscriptionId)).isHidden();

        tenant.go("/subscriptions");
        assertThat(page.locator("#subscriptions-grid")).containsText("APPROVED");
        assertThat(jdbc.sql("""
                        select s.status from subscriptions s join models m on m.id = s.model_id where m.name = ?""")
                .param(modelName).query(String.class).single()).isEqualTo("APPROVED");

        HttpResponse<String> answer = gateway.chatUntil(key, modelName, 200, PROPAGATION);
        assertThat(answer.statusCode()).as("the approved key calls the model: %s", answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"object\":\"chat.completion\"").contains("\"model\":\"" + modelName);
        BigDecimal cost = meteredCostOfTheCall(key.substring(0, 11));
        assertThat(cost).isPositive();
        tenant.go("/usage");
        assertThat(page.locator("#usage-grid")).containsText(key.substring(0, 11));
        assertThat(page.locator("#usage-grid")).containsText(modelName);
        assertThat(page.locator("#usage-grid")).containsText("$" + cost.setScale(6, RoundingMode.HALF_UP));
        tenant.go("/dashboard");
        assertThat(page.locator(".daily-chart").first().locator("rect.day").last().locator("title"))
                .hasText(Pattern.compile(".*: [1-9][0-9]* requests"));
        assertThat(page.locator("vaadin-grid").first()).containsText(modelName); // top models of the month

        tenant.go("/budgets");
        assertThat(page.locator("#budgets-grid")).containsText(modelName);
        page.locator("#new-budget").click();
        tenant.fill("#budget-amount", "1000");
        page.locator("#budget-save").click();
        assertThat(page.locator("#budgets-grid")).containsText("Whole tenant");
        Browser.screenshot(page, "budgets");

        tenant.go("/apps");
        tenant.click("API keys");
        String prefix = key.substring(0, 11);
        page.locator(".rotate-" + prefix).click();
        page.locator("#rotate-submit").click();
        String rotated = page.locator("#new-key-value input").inputValue();
        assertThat(rotated).startsWith("tg_").isNotEqualTo(key);
        assertThat(page.getByText("\"model\": \"" + modelName + "\"")).isVisible();
        page.locator("#key-done").click();
        assertThat(jdbc.sql("select expires_at is not null from api_keys where prefix = ?").param(prefix)
                .query(Boolean.class).single()).isTrue();

        page.locator(".revoke-" + prefix).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Revoke").last().click();
        assertThat(page.locator("#keys-grid")).containsText("REVOKED");
        assertThat(jdbc.sql("select status from api_keys where prefix = ?").param(prefix)
                .query(String.class).single()).isEqualTo("REVOKED");
        assertThat(jdbc.sql("select status from api_keys where prefix = ?").param(rotated.substring(0, 11))
                .query(String.class).single()).isEqualTo("ACTIVE");
        HttpResponse<String> refused = gateway.chatUntil(key, modelName, 401, PROPAGATION);
        assertThat(refused.statusCode()).as("the revoked key: %s", refused.body()).isEqualTo(401);
        assertThat(refused.body()).contains("api_key_revoked");
        assertThat(gateway.chatUntil(rotated, modelName, 200, PROPAGATION).statusCode())
                .as("the rotated key still works").isEqualTo(200);

        tenant.go("/dashboard");
        assertThat(page.getByText("Budgets this period")).isVisible();
        tenant.signOut();
    }

    /**
     * The cost the gateway metered for the key's successful call. It writes usage in batches (about every 200 ms),
     * so this waits until the event is in the database. (Refused calls are metered too, at no cost.)
     */
    private BigDecimal meteredCostOfTheCall(String keyPrefix) {
        return Awaitility.await("the call's usage event").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("""
                                select e.cost_usd from usage_events e join api_keys k on k.id = e.api_key_id
                                where k.prefix = ? and e.status_code = 200""")
                        .param(keyPrefix).query(BigDecimal.class).optional(), Optional::isPresent)
                .orElseThrow();
    }
}
