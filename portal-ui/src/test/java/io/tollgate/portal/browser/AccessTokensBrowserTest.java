package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A platform administrator makes an access token on its page, sees it once, calls the management API with it,
 * reads the API's reference in Swagger UI while signed in, and revokes the token.
 */
@PortalIntegrationTest
class AccessTokensBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void an_administrator_makes_a_token_uses_it_reads_the_reference_and_revokes_it() {
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);

        admin.go("/admin/access-tokens");
        page.locator("#new-access-token").click();
        admin.fill("#token-name", name);
        page.locator("#create-token").click();
        String token = page.locator("#new-token-value input").inputValue();
        assertThat(token).startsWith("tgm_");
        Browser.screenshot(page, "access-token-created");
        page.getByText("Done").click();
        assertThat(page.locator("#new-token-value")).hasCount(0);
        assertThat(page.locator("#access-tokens-grid")).containsText(name);
        assertThat(page.locator("#access-tokens-grid")).containsText(token.substring(0, 12));

        ManagementApi api = new ManagementApi(port);
        assertThat(api.get(token, "/api/v1/tenants?limit=1").status()).isEqualTo(200);

        page.navigate("http://localhost:" + port + "/api-docs");
        // springdoc builds the document on its first request: tens of seconds on two busy cores
        assertThat(page.getByText("Tollgate management API").first())
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(page.getByText("/api/v1/apps/{appId}/keys").first()).isVisible();
        Browser.screenshot(page, "management-api-reference");

        Page stranger = Browser.desktop("http://localhost:" + port);
        stranger.navigate("http://localhost:" + port + "/api-docs");
        stranger.waitForURL(url -> url.contains("/login"));

        admin.go("/admin/access-tokens");
        page.locator(".revoke-" + token.substring(0, 12)).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Revoke").last().click();
        assertThat(page.locator(".revoke-" + token.substring(0, 12))).isDisabled();
        assertThat(api.get(token, "/api/v1/tenants?limit=1").status()).isEqualTo(401);
    }
}
