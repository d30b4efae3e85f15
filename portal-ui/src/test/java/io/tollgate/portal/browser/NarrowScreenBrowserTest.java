package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every main page renders on a phone-width window without pushing the page sideways. */
@PortalIntegrationTest
class NarrowScreenBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void tenant_pages_fit_a_phone_and_the_menu_opens_from_the_toggle() {
        String email = "phone-" + UUID.randomUUID() + "@acme.test";
        Steps you = new Steps(Browser.phone("http://localhost:" + port));
        Page page = you.page();
        you.signUp("Pocket Corp", "Pat Phone", email, "correct horse battery");
        you.signIn(email, "correct horse battery");

        for (String path : new String[] {"/dashboard", "/apps", "/catalog", "/subscriptions", "/budgets", "/usage",
                "/invoices", "/members"}) {
            you.go(path);
            assertThat(horizontalOverflow(page)).as(path + " overflows sideways").isLessThanOrEqualTo(1);
        }
        you.go("/dashboard");
        Browser.screenshot(page, "phone-dashboard");
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.getByText("Model catalog")).isVisible();
    }

    @Test
    void the_sign_up_and_sign_in_pages_fit_a_phone() {
        Steps you = new Steps(Browser.phone("http://localhost:" + port));
        you.go("/signup");
        assertThat(horizontalOverflow(you.page())).isLessThanOrEqualTo(1);
        you.go("/login");
        assertThat(horizontalOverflow(you.page())).isLessThanOrEqualTo(1);
    }

    static int horizontalOverflow(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
    }
}
