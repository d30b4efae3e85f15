package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.tollgate.portal.members.MemberService;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone signed in accepts an invitation to a second tenant, works there as a developer, and switches back from the
 * header to the tenant they administer.
 */
@PortalIntegrationTest
class TenantSwitchBrowserTest {

    private static final String PASSWORD = "switching-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberService members;

    @Test
    void an_invited_member_switches_to_the_second_tenant_and_stays_there() {
        String email = "owner-" + UUID.randomUUID() + "@harbor.test";
        Steps person = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = person.page();
        person.signUp("Harbor Labs", "Hana Harbor", email, PASSWORD);
        person.signIn(email, PASSWORD);
        assertThat(page.getByText("Harbor Labs").first()).isVisible(); // one tenant: named in the header
        Locator tenant = page.locator("#tenant-switch");

        person.go("/invite/" + invitationToQuayWorks(email));
        page.locator("#invitation-sign-in").click();
        page.locator("#invitation-accept").click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard"));
        person.settle();
        assertThat(tenant).containsText("Quay Works");
        assertThat(navigation(page, "Members")).hasCount(0);

        Cookie sessionBefore = sessionCookie(page);
        tenant.click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Harbor Labs")).click();
        assertThat(page).hasURL(Pattern.compile(".*/dashboard"));
        person.settle();
        assertThat(tenant).containsText("Harbor Labs");
        assertThat(navigation(page, "Members")).isVisible();
        assertThat(sessionCookie(page).value).as("a new session id for the new tenant").isNotEqualTo(sessionBefore.value);

        page.reload();
        person.settle();
        assertThat(tenant).containsText("Harbor Labs");

        Page withOldId = Browser.desktop("http://localhost:" + port);
        withOldId.context().addCookies(List.of(sessionBefore));
        withOldId.navigate("/dashboard");
        assertThat(withOldId.locator("vaadin-login-form")).isVisible();
        withOldId.context().close();
    }

    private static Cookie sessionCookie(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private String invitationToQuayWorks(String email) {
        UUID tenantId = UUID.randomUUID();
        jdbc.sql("insert into tenants (id, slug, name, plan_id) values (?, ?, 'Quay Works', "
                        + "'00000000-0000-0000-0000-00000000f002')")
                .params(tenantId, "quay-works-" + tenantId.toString().substring(0, 8)).update();
        Tenants.signIn(new Tenants(jdbc).newMember(tenantId, "Quay Works", "ADMIN"));
        try {
            members.invite(email, "DEVELOPER");
            return Mailbox.token(email, "invite");
        } finally {
            Tenants.signOut();
        }
    }

    private static Locator navigation(Page page, String item) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(item).setExact(true));
    }
}
