package io.tollgate.billing.security;

import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for an API a browser may hold HTTP Basic credentials for: a state change (POST, PUT, PATCH,
 * DELETE) must carry {@code Content-Type: application/json} or an {@code X-Tollgate-Client} /
 * {@code X-Requested-With} header. A cross-site HTML form can send neither (its content types are urlencoded,
 * multipart and text/plain), and a cross-site script could only after a CORS preflight, which billing never
 * grants (it has no CORS configuration). Runs before authentication, so such a request does not even try the
 * browser's credentials. The Stripe webhook is exempt: it proves itself by its signature, not by credentials.
 */
class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final String CLIENT_HEADER = "X-Tollgate-Client";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String exemptPath;

    CrossSiteRequestGuard(String exemptPath) {
        this.exemptPath = exemptPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!STATE_CHANGING.contains(request.getMethod()) || request.getRequestURI().equals(exemptPath)
                || hasHeader(request, CLIENT_HEADER) || hasHeader(request, "X-Requested-With") || isJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(ErrorCode.CLIENT_HEADER_REQUIRED.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Problems.json(ErrorCode.CLIENT_HEADER_REQUIRED,
                "A change needs 'Content-Type: application/json' or an '" + CLIENT_HEADER + "' header")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasHeader(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value != null && !value.isBlank();
    }

    private static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application")
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        } catch (InvalidMimeTypeException e) {
            return false;
        }
    }
}
