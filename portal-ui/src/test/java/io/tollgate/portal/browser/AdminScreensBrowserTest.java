package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform administrator's screens render, and a catalog change made there shows in the audit log. */
@PortalIntegrationTest
class AdminScreensBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void an_administrator_adds_a_model_and_finds_the_change_in_the_audit_log() {
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);

        String model = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        admin.go("/admin/models");
        page.locator("#new-model").click();
        admin.fill("#model-name", model);
        page.getByLabel("Display name").fill("Browser model");
        page.locator("#model-save").click();
        assertThat(page.locator("#models-grid")).containsText(model);
        Browser.screenshot(page, "admin-models");

        admin.go("/admin/tenants");
        assertThat(page.locator("#tenants-grid")).isVisible();
        Browser.screenshot(page, "admin-tenants");
        admin.go("/admin/plans");
        assertThat(page.locator("#plans-grid")).containsText("enterprise");
        page.locator("#new-plan").click();
        admin.fill("#plan-code", "enterprise");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Team " + model);
        page.getByLabel("Requests per minute").fill("90");
        page.locator("#plan-save").click();
        assertThat(page.locator("#plan-code")).containsText("already exists");
        admin.fill("#plan-code", "team-" + model.substring(8));
        page.locator("#plan-save").click();
        assertThat(page.locator("#plans-grid")).containsText("team-" + model.substring(8));
        assertThat(page.locator("#plans-grid")).containsText("Team " + model);
        admin.go("/admin/providers");
        assertThat(page.locator("#providers-grid")).isVisible();
        admin.go("/admin/subscriptions");
        assertThat(page.locator("#approved-search")).isVisible();
        admin.go("/admin/staff");
        assertThat(page.locator("#staff-grid")).containsText(PortalIntegrationTest.ADMIN_EMAIL);
        admin.fill("#staff-email", "nobody-" + model + "@nowhere.test");
        page.locator("#staff-grant").click();
        assertThat(page.locator("#staff-email")).containsText("sign up or accept an invitation first");

        admin.go("/admin/audit");
        admin.fill("#audit-search", model);
        assertThat(page.locator("#audit-grid")).containsText("model.create");
        assertThat(page.locator("#audit-grid")).containsText(PortalIntegrationTest.ADMIN_EMAIL);
        assertThat(page.locator("#audit-grid")).containsText(model); // in the details, cut to one line but all there
        Browser.screenshot(page, "admin-audit");
    }

    @Test
    void a_tenant_user_typing_an_admin_address_gets_no_admin_page() {
        String email = "curious-" + UUID.randomUUID() + "@acme.test";
        Steps tenant = new Steps(Browser.desktop("http://localhost:" + port));
        tenant.signUp("Curious Ltd", "Cu Rious", email, "correct horse battery");
        tenant.signIn(email, "correct horse battery");
        tenant.go("/admin/approvals");
        assertThat(tenant.page().locator("#approvals-grid")).hasCount(0);
        assertThat(tenant.page().getByText("Platform")).hasCount(0);
    }
}
