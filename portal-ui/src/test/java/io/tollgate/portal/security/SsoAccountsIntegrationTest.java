package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A single sign-on identity signs in as the Tollgate account with its verified email, and as nobody else. */
@PortalIntegrationTest
class SsoAccountsIntegrationTest {

    @Autowired
    SsoAccounts sso;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_verified_email_signs_in_as_that_member_with_its_tenant_role() {
        PortalUser member = new Tenants(jdbc).newTenantMember("DEVELOPER");

        SsoPrincipal principal = sso.signIn(identity(member.email().toUpperCase(), true));

        assertThat(principal.user().userId()).isEqualTo(member.userId());
        assertThat(principal.user().tenantId()).isEqualTo(member.tenantId());
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TENANT_DEVELOPER");
    }

    @Test
    void an_unverified_email_is_refused() {
        PortalUser member = new Tenants(jdbc).newTenantMember("ADMIN");

        assertThatThrownBy(() -> sso.signIn(identity(member.email(), false)))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("did not confirm");
    }

    @Test
    void an_email_without_an_account_is_refused_and_nothing_is_created() {
        String stranger = "stranger-" + java.util.UUID.randomUUID() + "@elsewhere.test";

        assertThatThrownBy(() -> sso.signIn(identity(stranger, true)))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("No Tollgate account");
        assertThat(jdbc.sql("select count(*) from users where email = ?").param(stranger).query(Long.class).single())
                .isZero();
    }

    @Test
    void a_disabled_account_is_refused() {
        PortalUser member = new Tenants(jdbc).newTenantMember("ADMIN");
        jdbc.sql("update users set status = 'DISABLED' where id = ?").param(member.userId()).update();

        assertThatThrownBy(() -> sso.signIn(identity(member.email(), true)))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("disabled");
    }

    private static OidcUser identity(String email, boolean verified) {
        Instant now = Instant.now();
        OidcIdToken token = new OidcIdToken("id-token", now, now.plusSeconds(300), Map.of("sub", "subject-1",
                "iss", "https://id.acme.test", "email", email, "email_verified", verified));
        return new DefaultOidcUser(List.of(), token);
    }
}
