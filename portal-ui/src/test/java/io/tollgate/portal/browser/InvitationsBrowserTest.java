package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator invites from the Members screen, the invitation arrives by e-mail (GreenMail), is resent, and
 * the person joins from the newest e-mail's link; old and expired links say why they no longer work.
 */
@PortalIntegrationTest
class InvitationsBrowserTest {

    private static final String PASSWORD = "a long and unusual passphrase";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_newest_emailed_link_joins_the_tenant_and_the_link_it_replaced_says_so() {
        String adminEmail = "owner-" + UUID.randomUUID() + "@marina.test";
        String invitee = "crew-" + UUID.randomUUID() + "@marina.test";
        Steps admin = new Steps(Browser.desktop(baseUrl()));
        Page page = admin.page();
        admin.signUp("Marina Works", "Mara Marina", adminEmail, PASSWORD);
        admin.signIn(adminEmail, PASSWORD);
        admin.go("/members");
        assertThat(page.locator("#invitation-how")).containsText("The link works for 7 days");
        page.locator("#invite-email input").fill(invitee);
        admin.click("Invite");
        assertThat(page.locator("#invitation-sent")).containsText("Invitation e-mailed to " + invitee);
        String firstLink = Mailbox.linkPath(invitee, "invite");

        admin.click("Resend");
        assertThat(page.locator("#invitation-sent")).containsText("Invitation e-mailed again to " + invitee);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(invitee).size() == 2);
        String newestLink = Mailbox.linkPath(invitee, "invite");
        assertThat(newestLink).isNotEqualTo(firstLink);

        Steps person = new Steps(Browser.desktop(baseUrl()));
        Page personsPage = person.page();
        personsPage.navigate(firstLink);
        assertThat(personsPage.locator("#invitation-closed")).hasAttribute("data-why", "unknown");
        assertThat(personsPage.locator("#invitation-closed")).containsText("replaced by a newer invitation e-mail");
        assertThat(personsPage.locator("#invitation-join")).hasCount(0);

        personsPage.navigate(newestLink);
        assertThat(personsPage.locator("#invitation-for")).containsText(invitee);
        person.fill("#invitation-name", "Cai Crew");
        person.fill("#invitation-password", PASSWORD);
        personsPage.locator("#invitation-join").click();
        personsPage.locator("#signed-up").waitFor();
        person.fillSignIn(invitee, PASSWORD);
        personsPage.locator("#sign-out").waitFor();
        assertThat(personsPage.getByText("Marina Works").first()).isVisible();
        assertThat(jdbc.sql("""
                        select m.role from memberships m join users u on u.id = m.user_id join tenants t
                        on t.id = m.tenant_id where u.email = ? and t.name = 'Marina Works'""")
                .param(invitee).query(String.class).single()).isEqualTo("DEVELOPER");

        personsPage.navigate(newestLink);
        assertThat(personsPage.locator("#invitation-closed")).hasAttribute("data-why", "accepted");
    }

    @Test
    void an_expired_link_says_it_expired_and_whom_to_ask() {
        String adminEmail = "lead-" + UUID.randomUUID() + "@lapsed.test";
        String invitee = "late-" + UUID.randomUUID() + "@lapsed.test";
        Steps admin = new Steps(Browser.desktop(baseUrl()));
        Page page = admin.page();
        admin.signUp("Lapsed Labs", "Lee Lapsed", adminEmail, PASSWORD);
        admin.signIn(adminEmail, PASSWORD);
        admin.go("/members");
        page.locator("#invite-email input").fill(invitee);
        admin.click("Invite");
        // The e-mail leaves inside the inviting transaction; the screen's answer comes after its commit.
        assertThat(page.locator("#invitation-sent")).containsText("Invitation e-mailed to " + invitee);
        String link = Mailbox.linkPath(invitee, "invite");
        jdbc.sql("update invitations set expires_at = timestamptz '2026-01-05 10:00:00+00' where email = ?")
                .param(invitee).update();

        admin.go("/members");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Expired 2026-01-05 10:00 UTC")).first()).isVisible();
        Page personsPage = Browser.desktop(baseUrl());
        personsPage.navigate(link);
        assertThat(personsPage.locator("#invitation-closed")).hasAttribute("data-why", "expired");
        assertThat(personsPage.locator("#invitation-closed")).containsText(
                "Your invitation to Lapsed Labs expired on 2026-01-05 10:00 UTC");
        assertThat(personsPage.locator("#invitation-closed")).containsText("resend");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
