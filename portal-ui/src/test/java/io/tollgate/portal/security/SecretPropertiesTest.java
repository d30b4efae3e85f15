package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretPropertiesTest {

    @Test
    void the_first_administrators_password_never_shows_in_to_string() {
        var admin = new AdminProperties("admin@tollgate.test", "correct-horse-battery");

        assertThat(admin.toString())
                .doesNotContain("correct-horse-battery")
                .isEqualTo("AdminProperties[email=admin@tollgate.test, password=<redacted>]");
        assertThat(new AdminProperties(null, null).toString()).isEqualTo("AdminProperties[email=null, password=<unset>]");
    }

    @Test
    void the_oidc_client_secret_never_shows_in_to_string() {
        var oidc = new OidcProperties("https://idp.test/realms/t", "portal", "oidc-client-secret-value", "SSO");

        assertThat(oidc.toString())
                .doesNotContain("oidc-client-secret-value")
                .isEqualTo("OidcProperties[issuerUri=https://idp.test/realms/t, clientId=portal, "
                        + "clientSecret=<redacted>, buttonText=SSO]");
    }
}
