package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.StubIdentityProvider;
import io.tollgate.portal.support.Tenants;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With TOLLGATE_OIDC_* set, the sign-in page offers single sign-on and a member signs in through the provider; a
 * stranger the provider vouches for gets no account. This is the one test with its own Spring context.
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tollgate.secrets.dev-defaults=true")
@ExtendWith(ClosesBrowserContexts.class)
class SingleSignOnBrowserTest {

    static final StubIdentityProvider IDENTITY_PROVIDER = new StubIdentityProvider();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("tollgate.oidc.issuer-uri", IDENTITY_PROVIDER::issuer);
        registry.add("tollgate.oidc.client-id", () -> StubIdentityProvider.CLIENT_ID);
        registry.add("tollgate.oidc.client-secret", () -> "stub-secret");
        registry.add("tollgate.oidc.button-text", () -> "Sign in with Acme SSO");
    }

    @AfterAll
    static void stop() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void a_member_signs_in_through_the_identity_provider() {
        var member = new Tenants(jdbc).newTenantMember("ADMIN");
        IDENTITY_PROVIDER.signInAs(member.email());
        Steps you = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = you.page();

        you.go("/login");
        page.locator("#sso-sign-in").click();

        page.locator("#sign-out").waitFor();
        assertThat(page.getByText(member.email() + " · " + member.tenantName())).isVisible();
        you.signOut();
    }

    @Test
    void someone_without_an_account_is_sent_back_to_sign_in() {
        IDENTITY_PROVIDER.signInAs("stranger-" + UUID.randomUUID() + "@elsewhere.test");
        Steps you = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = you.page();

        you.go("/login");
        page.locator("#sso-sign-in").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
        assertThat(page.locator("#sign-out")).hasCount(0);
    }
}
