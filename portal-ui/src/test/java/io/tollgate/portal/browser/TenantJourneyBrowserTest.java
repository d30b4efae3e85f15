package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 5's journey, in a real Chromium against the running portal and a real PostgreSQL. */
@PortalIntegrationTest
class TenantJourneyBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String modelName;

    @BeforeEach
    void aModelThatNeedsApproval() {
        modelName = "gated-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into models (id, name, display_name, description, capabilities, context_window,
                                            requires_approval)
                        values (?, ?, 'Gated model', 'A model that needs approval', '{chat,streaming}', 128000, true)""")
                .params(UUID.randomUUID(), modelName).update();
    }

    @Test
    void sign_up_app_key_shown_once_request_approval_budget_rotate_and_revoke() {
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

        tenant.go("/dashboard");
        assertThat(page.getByText("Budgets this period")).isVisible();
        tenant.signOut();
    }
}
