package io.tollgate.portal.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /**
     * Everything from the portal itself. Vaadin Flow needs inline and evaluated scripts and inline styles (its
     * client engine starts from an inline script and runs the expressions the server sends as functions); what the
     * policy still stops is loading or sending anything elsewhere, framing the portal, plugins, and a changed base.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The portal uses none of these browser features. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), display-capture=()";

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, SingleSignOn singleSignOn, SsoAccounts ssoAccounts,
                                       RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator", "/actuator/**", "/error")
                .permitAll()
                // the management API's reference (Swagger UI, springdoc) for anyone signed in
                .requestMatchers("/api-docs", "/swagger-ui/**").authenticated());
        if (singleSignOn.clients().isPresent()) {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .clientRegistrationRepository(singleSignOn.clients().get())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(ssoUserService(ssoAccounts))));
        }
        http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(headers -> headers
                // Vaadin's pages are answered through a forward that commits the response past the filter's
                // wrapper, so headers written at commit time would be missing from exactly those pages
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        // Vaadin's own CSRF setup also exempts the sign-in form, which would let another site sign a visitor in to
        // the attacker's account (login CSRF); the form sends the token from the page's meta tags, so it is checked
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    private static OAuth2UserService<OidcUserRequest, OidcUser> ssoUserService(SsoAccounts accounts) {
        OidcUserService provider = new OidcUserService();
        return request -> accounts.signIn(provider.loadUser(request));
    }

    /** Stores "{bcrypt}..." and still verifies any other encoding Spring Security knows. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
