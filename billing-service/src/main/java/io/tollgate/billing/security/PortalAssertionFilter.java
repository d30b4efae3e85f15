package io.tollgate.billing.security;

import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.error.Problems;
import io.tollgate.model.crypto.PortalAssertion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the user the portal vouches for ({@link PortalAssertion}): the portal's finance screens call this API in
 * the name of whoever is signed in there, who may have no password (single sign-on). The user is loaded as for HTTP
 * Basic, so a disabled or locked account is refused and the endpoints' own role checks decide the rest. A request
 * with another scheme passes on untouched; an assertion that does not verify is answered 401 at once.
 */
class PortalAssertionFilter extends OncePerRequestFilter {

    private final PortalAssertion assertion;
    private final BillingUserDetailsService users;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    PortalAssertionFilter(PortalAssertion assertion, BillingUserDetailsService users, Clock clock) {
        this.assertion = assertion;
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(PortalAssertion.SCHEME + " ")) {
            chain.doFilter(request, response);
            return;
        }
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Optional<BillingUser> user = assertion.verify(header, request.getMethod(), pathAndQuery, clock.instant())
                .flatMap(users::loadById)
                .filter(found -> found.isEnabled() && found.isAccountNonLocked());
        if (user.isEmpty()) {
            response.setStatus(ErrorCode.UNAUTHENTICATED.status().value());
            response.setContentType(Problems.MEDIA_TYPE);
            response.getOutputStream().write(Problems.json(ErrorCode.UNAUTHENTICATED,
                    "The portal's assertion does not verify, has expired, or names no active user")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
