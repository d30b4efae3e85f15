package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The sign-in page offers single sign-on only when it is configured. */
class LoginViewTest {

    private static final OidcProperties SETTINGS = new OidcProperties("https://id.acme.test", "portal", "secret",
            "Sign in with Acme SSO");

    @Test
    void the_page_offers_single_sign_on_when_it_is_configured() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clients", new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("sso")
                .clientId("portal").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").authorizationUri("https://id.acme.test/auth")
                .tokenUri("https://id.acme.test/token").build()));

        var view = new LoginView(new SingleSignOn(beans.getBeanProvider(ClientRegistrationRepository.class), SETTINGS));

        assertThat(anchors(view)).anySatisfy(anchor -> {
            assertThat(anchor.getText()).isEqualTo("Sign in with Acme SSO");
            assertThat(anchor.getHref()).isEqualTo("oauth2/authorization/sso");
        });
    }

    @Test
    void the_page_has_no_single_sign_on_by_default() {
        var noClients = new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class);

        var view = new LoginView(new SingleSignOn(noClients, SETTINGS));

        assertThat(anchors(view)).noneSatisfy(anchor -> assertThat(anchor.getHref()).contains("oauth2"));
    }

    private static List<Anchor> anchors(Component root) {
        return root.getChildren().flatMap(child -> child instanceof Anchor anchor ? java.util.stream.Stream.of(anchor)
                : anchors(child).stream()).toList();
    }
}
