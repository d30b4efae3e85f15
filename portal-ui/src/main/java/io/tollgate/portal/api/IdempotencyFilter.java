package io.tollgate.portal.api;

import io.tollgate.portal.security.TokenPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a POST: the request runs in one transaction with its stored answer, under a lock on the
 * token and key, so a retry (even a concurrent one) gets the first answer replayed ({@code Idempotent-Replayed: true})
 * and creates nothing twice. Only successful answers are kept; a failed request changed nothing and may be retried.
 * The same key with a different request (method, path or body) is refused with 422.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final int LONGEST_KEY = 200;

    private final IdempotentRequests answers;
    private final SecurityContextHolderStrategy securityContexts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IdempotencyFilter(IdempotentRequests answers, SecurityContextHolderStrategy securityContexts,
                      TransactionTemplate transactions, Clock clock) {
        this.answers = answers;
        this.securityContexts = securityContexts;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        var authentication = securityContexts.getContext().getAuthentication();
        if (key == null || !"POST".equals(request.getMethod())
                || authentication == null || !(authentication.getPrincipal() instanceof TokenPrincipal token)) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > LONGEST_KEY) {
            ProblemWriter.write(response, HttpStatus.BAD_REQUEST,
                    "An Idempotency-Key is 1 to " + LONGEST_KEY + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        byte[] hash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                + "\n", body);
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(transaction -> {
                try {
                    Optional<IdempotentRequests.Answer> first = answers.lockAndFind(token.tokenId(), key, now);
                    if (first.isPresent()) {
                        replay(first.get(), hash, response);
                        return;
                    }
                    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
                    chain.doFilter(new ReadAgain(request, body), recorded);
                    if (HttpStatus.valueOf(recorded.getStatus()).is2xxSuccessful()) {
                        answers.save(token.tokenId(), key, new IdempotentRequests.Answer(hash, recorded.getStatus(),
                                recorded.getHeader(HttpHeaders.LOCATION),
                                new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)), now);
                    } else {
                        transaction.setRollbackOnly();
                    }
                    recorded.copyBodyToResponse();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void replay(IdempotentRequests.Answer first, byte[] hash, HttpServletResponse response)
            throws IOException {
        if (!MessageDigest.isEqual(first.requestHash(), hash)) {
            ProblemWriter.write(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used with a different request");
            return;
        }
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no SHA-256", e);
        }
    }

    /** The request with its body already read, for the handler to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is read already");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
