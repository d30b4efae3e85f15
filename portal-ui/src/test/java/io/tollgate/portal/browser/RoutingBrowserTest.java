package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator sets a model's routing in the browser, and the gateway's rows hold it. */
@PortalIntegrationTest
class RoutingBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_sets_a_models_strategy_and_a_covered_fallback() {
        // names starting with a digit sort first, so the row is rendered however many models other tests added
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID model = newModel("0route-" + suffix);
        UUID fallback = newModel("0fallback-" + suffix);
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);

        admin.go("/admin/models");
        page.locator(".routing-0route-" + suffix).click();
        page.locator("#routing-strategy").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Weighted")).click();
        assertThat(page.locator("#routing-strategy")).containsText("Canary splits");
        admin.fill("#fallback-pick", "0fallback-" + suffix);
        page.locator("vaadin-combo-box-item").getByText("0fallback-" + suffix).click();
        page.locator("#fallback-add").click();
        assertThat(page.locator("#fallback-0")).containsText("1. 0fallback-" + suffix);
        page.locator("#fallback-covered-0 input").check();
        admin.settle();
        Browser.screenshot(page, "admin-routing");
        page.locator("#routing-save").click();
        assertThat(page.locator("#routing-save")).hasCount(0); // the dialog closes once the change is committed

        assertThat(jdbc.sql("select routing_strategy from models where id = ?").param(model).query(String.class)
                .single()).isEqualTo("WEIGHTED");
        assertThat(jdbc.sql("""
                        select fallback_model_id, position, covered_by_subscription from model_fallbacks
                        where model_id = ?""").param(model).query().listOfRows())
                .containsExactly(Map.of("fallback_model_id", fallback, "position", 0, "covered_by_subscription", true));

        page.locator(".routing-0route-" + suffix).click();
        assertThat(page.locator("#routing-strategy")).containsText("Weighted");
        assertThat(page.locator("#fallback-0")).containsText("1. 0fallback-" + suffix);
        assertThat(page.locator("#fallback-covered-0 input")).isChecked();
    }

    private UUID newModel(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into models (id, name, display_name, context_window) values (?, ?, 'Routing test', 8192)")
                .params(id, name).update();
        return id;
    }
}
