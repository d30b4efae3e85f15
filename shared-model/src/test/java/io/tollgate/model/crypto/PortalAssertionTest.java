package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.apikey.ApiKeyHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortalAssertionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final String PATH = "/api/v1/billing/invoices/42/finalize";

    private final PortalAssertion assertion = new PortalAssertion(hasher("the-shared-api-key-secret-of-tests-0123"));

    @Test
    void an_assertion_vouches_for_its_user_on_its_own_call() {
        String header = assertion.header(USER, "POST", PATH, NOW);

        assertThat(header).startsWith("Tollgate-Portal " + USER + ".");
        assertThat(assertion.verify(header, "POST", PATH, NOW.plusSeconds(59))).contains(USER);
    }

    @Test
    void another_method_path_or_a_changed_user_is_refused() {
        String header = assertion.header(USER, "POST", PATH, NOW);

        assertThat(assertion.verify(header, "GET", PATH, NOW)).isEmpty();
        assertThat(assertion.verify(header, "POST", "/api/v1/billing/invoices/42/void", NOW)).isEmpty();
        UUID other = UUID.randomUUID();
        assertThat(assertion.verify(header.replace(USER.toString(), other.toString()), "POST", PATH, NOW)).isEmpty();
    }

    @Test
    void an_expired_or_far_future_assertion_is_refused() {
        assertThat(assertion.verify(assertion.header(USER, "POST", PATH, NOW), "POST", PATH,
                NOW.plus(PortalAssertion.LIFETIME).plusSeconds(1))).isEmpty();
        assertThat(assertion.verify(assertion.header(USER, "POST", PATH, NOW.plusSeconds(3600)), "POST", PATH, NOW))
                .isEmpty();
    }

    @Test
    void a_service_with_another_secret_cannot_vouch() {
        String forged = new PortalAssertion(hasher("a-different-secret-that-is-long-enough-0"))
                .header(USER, "POST", PATH, NOW);

        assertThat(assertion.verify(forged, "POST", PATH, NOW)).isEmpty();
    }

    @Test
    void malformed_headers_and_other_schemes_are_refused() {
        assertThat(assertion.verify(null, "POST", PATH, NOW)).isEmpty();
        assertThat(assertion.verify("Basic Zm9vOmJhcg==", "POST", PATH, NOW)).isEmpty();
        assertThat(assertion.verify("Tollgate-Portal not-a-uuid.1.x", "POST", PATH, NOW)).isEmpty();
        assertThat(assertion.verify("Tollgate-Portal " + USER + ".soon.x", "POST", PATH, NOW)).isEmpty();
    }

    private static ApiKeyHasher hasher(String secret) {
        return new ApiKeyHasher(secret.getBytes(StandardCharsets.UTF_8), "v1");
    }
}
