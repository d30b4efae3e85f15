package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Single sign-on is off by default and switched on by the TOLLGATE_OIDC_* settings alone. */
class SingleSignOnConfigurationTest {

    private final ApplicationContextRunner portal = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, SingleSignOnConfiguration.class, SingleSignOn.class);
    private HttpServer identityProvider;
    private String issuer;

    @EnableConfigurationProperties(OidcProperties.class)
    static class Properties {
    }

    @BeforeEach
    void anIdentityProviderWithADiscoveryDocument() throws IOException {
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/realms/acme";
        identityProvider.createContext("/realms/acme/.well-known/openid-configuration", exchange -> {
            byte[] body = ("""
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/auth", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/certs", "userinfo_endpoint": "%1$s/userinfo",
                     "subject_types_supported": ["public"], "response_types_supported": ["code"],
                     "id_token_signing_alg_values_supported": ["RS256"]}""").formatted(issuer)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        identityProvider.start();
    }

    @AfterEach
    void stop() {
        identityProvider.stop(0);
    }

    @Test
    void without_settings_there_is_no_single_sign_on() {
        portal.run(context -> {
            assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class);
            assertThat(context.getBean(SingleSignOn.class).buttonText()).isEmpty();
        });
    }

    @Test
    void a_client_id_without_an_issuer_is_not_enough() {
        portal.withPropertyValues("tollgate.oidc.client-id=portal", "tollgate.oidc.issuer-uri=")
                .run(context -> assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class));
    }

    @Test
    void issuer_and_client_id_register_the_provider_from_its_discovery_document() {
        portal.withPropertyValues("tollgate.oidc.issuer-uri=" + issuer, "tollgate.oidc.client-id=tollgate-portal",
                        "tollgate.oidc.client-secret=s3cret", "tollgate.oidc.button-text=Sign in with Acme SSO")
                .run(context -> {
                    var registration = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("sso");
                    assertThat(registration.getClientId()).isEqualTo("tollgate-portal");
                    assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/auth");
                    assertThat(registration.getScopes()).contains("openid", "email");
                    assertThat(context.getBean(SingleSignOn.class).buttonText()).contains("Sign in with Acme SSO");
                });
    }
}
