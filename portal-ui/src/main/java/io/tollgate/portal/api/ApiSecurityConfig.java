package io.tollgate.portal.api;

import io.tollgate.portal.tokens.AccessTokenAuthenticator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The management API's own filter chain, ahead of the portal's: stateless (no session is read or made, so a portal
 * session cookie authenticates nothing here and there is no CSRF surface), access tokens only, every refusal a
 * problem detail. The OpenAPI document is public; Swagger UI stays behind the portal's sign-in.
 */
@Configuration
class ApiSecurityConfig {

    static final String API = "/api/v1/**";
    static final String OPENAPI_DOCUMENT = "/api/v1/openapi.json";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementApiSecurity(HttpSecurity http, AccessTokenAuthenticator authenticator,
                                              SecurityContextHolderStrategy securityContexts, Clock clock,
                                              IdempotentRequests idempotentRequests, TransactionTemplate transactions)
            throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(requests -> requests
                        // the document, its YAML form and Swagger UI's configuration beside it
                        .requestMatchers(OPENAPI_DOCUMENT, OPENAPI_DOCUMENT + "/**", OPENAPI_DOCUMENT + ".yaml")
                        .permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, refused) -> ProblemWriter.write(response,
                                HttpStatus.UNAUTHORIZED, "Send an access token: Authorization: Bearer tgm_..."))
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response,
                                HttpStatus.FORBIDDEN, "The token's role does not allow this")))
                .addFilterBefore(new AccessTokenFilter(authenticator, securityContexts, clock),
                        AuthorizationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotentRequests, securityContexts, transactions, clock),
                        AuthorizationFilter.class);
        return http.build();
    }
}
