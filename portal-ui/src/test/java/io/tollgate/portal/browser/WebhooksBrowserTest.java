package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.testsupport.TestPasswords;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant admin registers a webhook, copies the signing secret shown once, sends a test delivery that a local
 * receiver gets, sees it among the recent deliveries, and rotates the secret.
 */
@PortalIntegrationTest
class WebhooksBrowserTest {

    private static final String PASSWORD = "webhook-admin-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    UUID tenant;
    HttpServer receiver;
    final List<String> signatures = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aTenantAndAReceiver() throws IOException {
        tenant = UUID.randomUUID();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, 'Hook Labs', '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "hook-labs-" + tenant.toString().substring(0, 8)).update();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(exchange.getRequestHeaders().getFirst("Tollgate-Signature"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_tenant_admin_registers_a_webhook_sees_the_secret_once_and_sends_a_test() {
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(member("ADMIN"), PASSWORD);
        String url = "http://localhost:" + receiver.getAddress().getPort() + "/hook";

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhooks").setExact(true)).click();
        admin.settle();
        page.locator("#new-webhook").click();
        admin.fill("#webhook-url", "http://hooks.example.com/plain");
        assertThat(page.locator("#webhook-events")).containsText("budget.threshold");
        page.locator("#webhook-save").click();
        assertThat(page.locator("#webhook-url")).hasAttribute("invalid", "");
        admin.fill("#webhook-url", url);
        page.locator("#webhook-save").click();

        String secret = page.locator("#webhook-secret input").inputValue();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        Browser.screenshot(page, "webhook-secret-shown-once");
        page.locator("#secret-done").click();
        // a click while the closing dialog still covers the page reaches nothing
        assertThat(page.locator("#webhook-secret")).hasCount(0);
        assertThat(page.locator("#webhook-secret")).hasCount(0);
        assertThat(page.getByText(secret)).hasCount(0);
        Locator webhooks = page.locator("#webhooks-grid");
        assertThat(webhooks).containsText(url);
        assertThat(webhooks).containsText("budget.threshold");
        assertThat(webhooks).containsText("Enabled");

        webhooks.getByText("Send test delivery").click();
        assertThat(page.locator("#deliveries-grid")).containsText("Delivered (HTTP 200)");
        assertThat(page.locator("#deliveries-grid")).containsText("webhook.test");
        assertThat(signatures).hasSize(1).allSatisfy(signature -> assertThat(signature).startsWith("t="));
        Browser.screenshot(page, "webhooks");

        admin.go("/webhooks");
        assertThat(page.getByText(secret)).hasCount(0);

        page.locator("#webhooks-grid").getByText("Rotate secret").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog")
                .getByText("Rotate", new Locator.GetByTextOptions().setExact(true)).last().click();
        String rotated = page.locator("#webhook-secret input").inputValue();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        page.locator("#secret-done").click();
        // a click while the closing dialog still covers the page reaches nothing
        assertThat(page.locator("#webhook-secret")).hasCount(0);
        assertThat(page.locator("#webhooks-grid")).containsText("Previous secret also signs until");
        page.locator("#webhooks-grid").getByText("Send test delivery").click();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> signatures.size() == 2);
        assertThat(signatures).hasSize(2).last().asString()
                .as("one v1 per secret during the grace").matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    }

    private String member(String role) {
        UUID user = UUID.randomUUID();
        String email = role.toLowerCase() + "-" + user + "@hooklabs.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, 'Hana Hook', ?)")
                .params(user, email, TestPasswords.hash(PASSWORD)).update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenant, user, role).update();
        return email;
    }
}
