package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tollgate.portal.members.MemberService;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations in the browser, bound to the invited address, and the whole portal working under its Content
 * Security Policy (nothing the policy blocks, on any page these tests open).
 */
@PortalIntegrationTest
class AccountsBrowserTest {

    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String CSP_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService members;

    @Test
    void an_invitation_to_an_existing_account_is_accepted_after_signing_in_as_it() {
        String email = "member-" + UUID.randomUUID() + "@harbor.test";
        Steps person = new Steps(Browser.desktop(baseUrl()));
        Page page = person.page();
        List<String> violations = watchContentSecurityPolicy(page);
        person.signUp("Harbor Labs", "Hana Harbor", email, PASSWORD);
        PortalUser inviter = new Tenants(jdbc).newTenantMember("ADMIN");
        invite(inviter, email, "BILLING");

        page.navigate(Mailbox.linkPath(email, "invite"));
        assertThat(page.locator("#invitation-for")).containsText(email);
        page.locator("#invitation-sign-in").click();
        person.fillSignIn(email, PASSWORD);
        page.locator("#invitation-accept").click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard"));
        person.settle();
        assertThat(page.locator("#tenant-switch")).containsText(inviter.tenantName());
        assertThat(jdbc.sql("""
                        select m.role from memberships m join users u on u.id = m.user_id
                        where u.email = ? and m.tenant_id = ?""")
                .params(email, inviter.tenantId()).query(String.class).single()).isEqualTo("BILLING");
        assertNoViolations(page, violations);
    }

    @Test
    void a_new_address_gets_exactly_the_invited_account_from_the_link() {
        String email = "newcomer-" + UUID.randomUUID() + "@quay.test";
        PortalUser inviter = new Tenants(jdbc).newTenantMember("ADMIN");
        invite(inviter, email, "DEVELOPER");
        Steps person = new Steps(Browser.desktop(baseUrl()));
        Page page = person.page();
        List<String> violations = watchContentSecurityPolicy(page);

        page.navigate(Mailbox.linkPath(email, "invite"));
        person.fill("#invitation-name", "Nia Newcomer");
        person.fill("#invitation-password", "password1234");
        page.locator("#invitation-join").click();
        assertThat(page.locator("vaadin-notification-card")).containsText("too common");
        person.fill("#invitation-password", PASSWORD);
        page.locator("#invitation-join").click();
        page.locator("#signed-up").waitFor();
        person.fillSignIn(email, PASSWORD);
        page.locator("#sign-out").waitFor();
        assertThat(page.getByText(inviter.tenantName()).first()).isVisible(); // one tenant: named in the header
        assertNoViolations(page, violations);
    }

    @Test
    void every_screen_works_under_the_content_security_policy() {
        Steps admin = new Steps(Browser.desktop(baseUrl()));
        Page page = admin.page();
        List<String> violations = watchContentSecurityPolicy(page);
        admin.signIn(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);
        for (String path : List.of("/admin/approvals", "/admin/subscriptions", "/admin/tenants", "/admin/plans",
                "/admin/models", "/admin/providers", "/admin/staff", "/admin/audit", "/finance/chargebacks",
                "/finance/invoices")) {
            admin.go(path);
            assertThat(page.getByRole(AriaRole.HEADING).first()).isVisible();
        }
        admin.signOut();

        String email = "csp-" + UUID.randomUUID() + "@acme.test";
        Steps tenant = new Steps(page);
        tenant.signUp("Policy Works", "Pol Icy", email, PASSWORD);
        tenant.signIn(email, PASSWORD);
        for (String path : List.of("/dashboard", "/apps", "/catalog", "/subscriptions", "/usage", "/budgets",
                "/invoices", "/members")) {
            tenant.go(path);
            assertThat(page.locator("#sign-out")).isVisible();
        }
        page.locator("#invite-email input").fill("colleague-" + UUID.randomUUID() + "@acme.test");
        tenant.click("Invite");
        assertThat(page.locator("#invitation-sent")).containsText("Invitation e-mailed to");
        assertNoViolations(page, violations);
    }

    private void invite(PortalUser inviter, String email, String role) {
        Tenants.signIn(inviter);
        try {
            members.invite(email, role);
        } finally {
            Tenants.signOut();
        }
    }

    /** Collects every report of the policy blocking something, from the page and from the console. */
    private static List<String> watchContentSecurityPolicy(Page page) {
        List<String> console = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                console.add(message.text());
            }
        });
        page.addInitScript(CSP_VIOLATIONS);
        return console;
    }

    private static void assertNoViolations(Page page, List<String> console) {
        assertThat(console).as("console reports of the Content Security Policy").isEmpty();
        assertThat(page.evaluate("() => window.__cspViolations").toString()).as("violations on the last page")
                .isEqualTo("[]");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
