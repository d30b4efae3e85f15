package io.tollgate.billing.security;

import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.error.Problems;
import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.crypto.PortalAssertion;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * HTTP Basic against the users table, or the portal's assertion for its signed-in user ({@link PortalAssertionFilter}),
 * stateless, with the platform's lockout after repeated wrong passwords
 * ({@link FailedLoginCounter}) and state changes refused without a header a cross-site form cannot send
 * ({@link CrossSiteRequestGuard}). Which tenant a caller may see is decided per request by
 * {@link TenantAccess}; here only the coarse rules: actuator (on the management port only) is public, the Stripe
 * webhook authenticates by its signature, everything else needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String STRIPE_WEBHOOK = "/api/v1/billing/stripe/webhook";

    @Bean
    SecurityFilterChain billingSecurity(HttpSecurity http, ApiKeyHasher sharedSecret, BillingUserDetailsService users,
                                        Clock clock) throws Exception {
        return http
                // stateless: no session to ride on; the browser's cached Basic credentials are what
                // CrossSiteRequestGuard keeps cross-site forms from using
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestGuard(STRIPE_WEBHOOK), BasicAuthenticationFilter.class)
                .addFilterAfter(new PortalAssertionFilter(new PortalAssertion(sharedSecret), users, clock),
                        CrossSiteRequestGuard.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, STRIPE_WEBHOOK).permitAll()
                        .requestMatchers("/error").permitAll()
                        // actuator listens on the management port only (TOLLGATE_BILLING_MANAGEMENT_PORT), kept off the
                        // public network; the public port answers 404 there
                        .requestMatchers("/actuator", "/actuator/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"tollgate-billing\"");
                    write(response, ErrorCode.UNAUTHENTICATED, "Sign in with HTTP Basic (e-mail and password)");
                }))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"tollgate-billing\"");
                            write(response, ErrorCode.UNAUTHENTICATED, "Sign in with HTTP Basic (e-mail and password)");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                write(response, ErrorCode.FORBIDDEN, "Your role does not allow this")))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Problems.json(code, detail).getBytes(StandardCharsets.UTF_8));
    }
}
