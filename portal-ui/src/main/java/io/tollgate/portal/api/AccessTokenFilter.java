package io.tollgate.portal.api;

import io.tollgate.portal.security.TokenPrincipal;
import io.tollgate.portal.tokens.AccessTokenAuthenticator;
import io.tollgate.portal.tokens.AccessTokenAuthenticator.Authenticated;
import io.tollgate.portal.tokens.AccessTokenAuthenticator.Refused;
import io.tollgate.portal.tokens.AccessTokenAuthenticator.Throttled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer tgm_...}; a good token becomes the request's authentication (its scope and
 * role, nothing else), a wrong one is answered 401 at once and a locked-out client 429. No header passes on to
 * the chain's entry point (401), except for the public OpenAPI document.
 */
class AccessTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokenAuthenticator authenticator;
    private final SecurityContextHolderStrategy securityContexts;
    private final Clock clock;

    AccessTokenFilter(AccessTokenAuthenticator authenticator, SecurityContextHolderStrategy securityContexts,
                      Clock clock) {
        this.authenticator = authenticator;
        this.securityContexts = securityContexts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        switch (authenticator.authenticate(header.substring(BEARER.length()).trim(), request.getRemoteAddr(),
                clock.instant())) {
            case Authenticated(TokenPrincipal principal) -> {
                SecurityContext context = securityContexts.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        principal.user().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                                .toList()));
                securityContexts.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    securityContexts.clearContext();
                }
            }
            case Refused refused -> ProblemWriter.write(response, HttpStatus.UNAUTHORIZED,
                    "The access token is not valid (unknown, revoked, expired or no longer backed by its owner's role)");
            case Throttled(var retryAfter) -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
                ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many wrong access tokens from this address; try again later");
            }
        }
    }
}
