package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant admin keeps the billing e-mail contacts on the Webhooks page (a wrong address refused, two added, one
 * removed), and a billing member sees and adds to the same list on the Invoices page.
 */
@PortalIntegrationTest
class BillingContactsBrowserTest {

    private static final String PASSWORD = "billing-contacts-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    UUID tenant;

    @BeforeEach
    void aTenant() {
        tenant = UUID.randomUUID();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, 'Ledger Labs', '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "ledger-labs-" + tenant.toString().substring(0, 8)).update();
    }

    @Test
    void an_admin_adds_and_removes_billing_contacts_and_a_billing_member_sees_the_same_list() {
        Steps admin = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = admin.page();
        admin.signIn(member("ADMIN"), PASSWORD);
        admin.go("/webhooks");
        Locator contacts = page.locator("#billing-contacts .billing-contact");
        assertThat(page.getByText("No billing contacts")).isVisible();

        admin.fill("#billing-contact-email", "not-an-address");
        page.locator("#billing-contact-add").click();
        assertThat(page.locator("#billing-contact-email")).hasAttribute("invalid", "");
        admin.fill("#billing-contact-email", "accounts@ledgerlabs.example");
        page.locator("#billing-contact-add").click();
        assertThat(contacts).hasCount(1);
        admin.fill("#billing-contact-email", "cfo@ledgerlabs.example");
        page.locator("#billing-contact-add").click();
        assertThat(contacts).hasCount(2);
        admin.fill("#billing-contact-email", "CFO@ledgerlabs.example");
        page.locator("#billing-contact-add").click();
        assertThat(page.locator("#billing-contact-email")).hasAttribute("invalid", "");
        assertThat(contacts).hasCount(2);
        Browser.screenshot(page, "billing-contacts");

        page.getByLabel("Remove accounts@ledgerlabs.example").click();
        assertThat(contacts).hasCount(1);
        assertThat(contacts.first()).containsText("cfo@ledgerlabs.example");
        assertThat(emails()).containsExactly("cfo@ledgerlabs.example");
        assertThat(page.getByText("No billing contacts")).isHidden();

        admin.signOut();
        admin.signIn(member("BILLING"), PASSWORD);
        admin.go("/invoices");
        assertThat(contacts).hasCount(1);
        assertThat(contacts.first()).containsText("cfo@ledgerlabs.example");
        admin.fill("#billing-contact-email", "payables@ledgerlabs.example");
        page.locator("#billing-contact-add").click();
        assertThat(contacts).hasCount(2);
        assertThat(emails()).as("a billing member adds on Invoices")
                .containsExactly("cfo@ledgerlabs.example", "payables@ledgerlabs.example");
    }

    private List<String> emails() {
        return jdbc.sql("select email from tenant_billing_contacts where tenant_id = ? order by created_at, id")
                .param(tenant).query(String.class).list();
    }

    private String member(String role) {
        return new Tenants(jdbc).newMember(tenant, "Ledger Labs", role, "Lee Ledger", PASSWORD).email();
    }
}
