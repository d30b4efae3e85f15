package io.tollgate.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.crypto.PortalAssertion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The portal calls billing in its signed-in user's name; billing still applies that user's role. */
class PortalAssertionIntegrationTest extends BillingIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    ApiKeyHasher sharedSecret;

    PortalAssertion portal;
    UUID tenant;
    UUID draft;

    @BeforeEach
    void aDraftInvoice() {
        portal = new PortalAssertion(sharedSecret);
        tenant = data.tenant();
        data.eventsCosting(tenant, data.app(tenant, "a"), "gpt-4o", 2, Instant.parse("2037-03-10T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2037-04-01T00:05:00Z");
        String finance = data.user("FINANCE", null, null);
        assertThat(new Http(port).post("/api/v1/billing/month-close", finance,
                "{\"period\":\"2037-03\",\"finalizeInvoices\":false}").statusCode()).isEqualTo(200);
        draft = jdbc.sql("select id from invoices where tenant_id = :t").param("t", tenant).query(UUID.class).single();
    }

    @Test
    void finance_signed_in_at_the_portal_finalizes_a_draft_without_a_password() throws Exception {
        String path = "/api/v1/billing/invoices/" + draft + "/finalize";
        HttpResponse<String> response = post(path, portal.header(userId("FINANCE", null), "POST", path,
                clock.instant()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"FINALIZED\"");
        assertThat(status()).isEqualTo("FINALIZED");
    }

    @Test
    void the_vouched_users_own_role_decides_what_billing_allows() throws Exception {
        String path = "/api/v1/billing/invoices/" + draft + "/finalize";
        UUID tenantAdmin = userId(null, tenant);

        HttpResponse<String> response = post(path, portal.header(tenantAdmin, "POST", path, clock.instant()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo("DRAFT");
    }

    @Test
    void an_assertion_for_another_call_from_another_secret_expired_or_for_a_disabled_user_is_refused()
            throws Exception {
        String path = "/api/v1/billing/invoices/" + draft + "/finalize";
        UUID finance = userId("FINANCE", null);
        PortalAssertion forger = new PortalAssertion(new ApiKeyHasher(
                "not-the-secret-billing-holds-0123456789".getBytes(StandardCharsets.UTF_8), "v1"));

        assertThat(post(path, portal.header(finance, "POST", "/api/v1/billing/invoices/" + draft + "/void",
                clock.instant())).statusCode()).isEqualTo(401);
        assertThat(post(path, forger.header(finance, "POST", path, clock.instant())).statusCode()).isEqualTo(401);
        assertThat(post(path, portal.header(finance, "POST", path,
                clock.instant().minus(PortalAssertion.LIFETIME).minusSeconds(1))).statusCode()).isEqualTo(401);
        jdbc.sql("update users set status = 'DISABLED' where id = :id").param("id", finance).update();
        assertThat(post(path, portal.header(finance, "POST", path, clock.instant())).statusCode()).isEqualTo(401);
        assertThat(status()).isEqualTo("DRAFT");
    }

    @Test
    void billing_tells_the_portal_whether_stripe_is_configured() throws Exception {
        String path = "/api/v1/billing/stripe";
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path)).header("Authorization", portal.header(userId("FINANCE", null), "GET", path,
                        clock.instant())).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"enabled\":true}");
    }

    private UUID userId(String platformRole, UUID tenantId) {
        String email = data.user(platformRole, tenantId, tenantId == null ? null : "ADMIN");
        return jdbc.sql("select id from users where email = :email").param("email", email).query(UUID.class).single();
    }

    private String status() {
        return jdbc.sql("select status from invoices where id = :id").param("id", draft).query(String.class).single();
    }

    private HttpResponse<String> post(String path, String authorization) throws IOException,
            InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
