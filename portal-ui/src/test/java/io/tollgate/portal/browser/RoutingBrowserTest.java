package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator sets a model's routing, a deployment's settings and a provider's timeouts in the browser; the
 * gateway's rows hold them.
 */
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

    @Test
    void an_administrator_adds_a_deployment_with_its_capacity_timeout_and_cost_then_edits_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID model = newModel("0deployed-" + suffix);
        UUID provider = UUID.randomUUID();
        jdbc.sql("insert into providers (id, name, type) values (?, ?, 'MOCK')").params(provider, "0provider-" + suffix)
                .update();
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);

        admin.go("/admin/providers");
        page.locator(".deployments-0provider-" + suffix).click();
        page.locator("#new-deployment").click();
        admin.fill("#deployment-model", "0deployed-" + suffix);
        page.locator("vaadin-combo-box-item").getByText("0deployed-" + suffix).click();
        admin.fill("#deployment-upstream", "mock-large");
        admin.fill("#deployment-weight", "95");
        admin.fill("#deployment-priority", "1");
        admin.fill("#deployment-rpm", "600");
        admin.fill("#deployment-tpm", "150000");
        admin.fill("#deployment-first-byte", "2500");
        admin.fill("#deployment-total", "45000");
        admin.fill("#deployment-cost-input", "0.15");
        admin.fill("#deployment-cost-output", "0.6");
        admin.settle();
        Browser.screenshot(page, "admin-deployment");
        page.locator("#deployment-save").click();
        assertThat(page.locator("#deployment-save")).hasCount(0);
        assertThat(page.locator("#deployments-grid")).containsText("600 req / 150,000 tok");

        assertThat(deployment(provider)).containsEntry("model_id", model).containsEntry("upstream_model", "mock-large")
                .containsEntry("weight", 95).containsEntry("priority", 1).containsEntry("requests_per_minute", 600)
                .containsEntry("tokens_per_minute", 150_000L).containsEntry("first_byte_timeout_ms", 2_500)
                .containsEntry("total_timeout_ms", 45_000)
                .containsEntry("cost_input_per_million", new BigDecimal("0.150000000"))
                .containsEntry("cost_output_per_million", new BigDecimal("0.600000000"));

        page.locator("#deployments-grid vaadin-button").filter(new Locator.FilterOptions().setHasText("Edit")).click();
        assertThat(page.locator("#deployment-rpm input")).hasValue("600");
        admin.fill("#deployment-weight", "5");
        admin.fill("#deployment-rpm", "");
        page.locator("#deployment-save").click();
        assertThat(page.locator("#deployment-save")).hasCount(0);

        assertThat(deployment(provider)).containsEntry("model_id", model).containsEntry("weight", 5)
                .containsEntry("requests_per_minute", null).containsEntry("tokens_per_minute", 150_000L);
    }

    @Test
    void an_administrator_sets_a_providers_connect_and_response_timeouts() {
        String name = "0timed-" + UUID.randomUUID().toString().substring(0, 8);
        UUID provider = UUID.randomUUID();
        jdbc.sql("insert into providers (id, name, type) values (?, ?, 'MOCK')").params(provider, name).update();
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);

        admin.go("/admin/providers");
        page.locator(".edit-" + name).click();
        assertThat(page.locator("#provider-connect-timeout input")).hasValue("5000");
        assertThat(page.locator("#provider-response-timeout input")).hasValue("120000");
        admin.fill("#provider-connect-timeout", "1500");
        admin.fill("#provider-response-timeout", "600000");
        page.locator("#provider-save").click();
        assertThat(page.locator("#provider-save")).hasCount(0); // the dialog closes once the change is committed

        assertThat(jdbc.sql("select connect_timeout_ms, response_timeout_ms from providers where id = ?")
                .param(provider).query().singleRow())
                .containsEntry("connect_timeout_ms", 1_500).containsEntry("response_timeout_ms", 600_000);
        page.locator(".edit-" + name).click();
        assertThat(page.locator("#provider-connect-timeout input")).hasValue("1500");
        assertThat(page.locator("#provider-response-timeout input")).hasValue("600000");
    }

    private Map<String, Object> deployment(UUID provider) {
        return jdbc.sql("select * from deployments where provider_id = ?").param(provider).query().singleRow();
    }

    private UUID newModel(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into models (id, name, display_name, context_window) values (?, ?, 'Routing test', 8192)")
                .params(id, name).update();
        return id;
    }
}
