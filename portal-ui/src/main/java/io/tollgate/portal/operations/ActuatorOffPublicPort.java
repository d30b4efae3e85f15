package io.tollgate.portal.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator lives on the management port (TOLLGATE_PORTAL_MANAGEMENT_PORT). On the public port Vaadin would answer
 * any path, {@code /actuator/...} included, with its page shell and a 200; this answers 404 there instead, so nothing
 * (a scraper, a probe, a scanner) mistakes the public port for the management one. The management port's own server
 * does not get this filter: a child context registers only its own filters.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorOffPublicPort {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actuatorNotFoundOnPublicPort() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            }
        });
        registration.addUrlPatterns("/actuator", "/actuator/*");
        // after Spring Security's filters, so the 404 carries the security headers every response has
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
