package io.tollgate.billing.security;

import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.error.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * HTTP Basic against the users table, stateless, with the platform's lockout after repeated wrong passwords
 * ({@link FailedLoginCounter}) and state changes refused without a header a cross-site form cannot send
 * ({@link CrossSiteRequestGuard}). Which tenant a caller may see is decided per request by
 * {@link TenantAccess}; here only the coarse rules: health is public, the Stripe webhook authenticates by its
 * signature, everything else needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String STRIPE_WEBHOOK = "/api/v1/billing/stripe/webhook";

    @Bean
    SecurityFilterChain billingSecurity(HttpSecurity http) throws Exception {
        return http
                // stateless: no session to ride on; the browser's cached Basic credentials are what
                // CrossSiteRequestGuard keeps cross-site forms from using
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestGuard(STRIPE_WEBHOOK), BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, STRIPE_WEBHOOK).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PLATFORM_FINANCE)
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
