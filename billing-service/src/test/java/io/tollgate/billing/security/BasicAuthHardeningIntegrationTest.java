package io.tollgate.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import io.tollgate.billing.TestData;
import io.tollgate.model.account.LoginLockout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** What a browser holding a finance user's Basic credentials, and a password guesser, can do to the billing API. */
class BasicAuthHardeningIntegrationTest extends BillingIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    LoginLockout lockout;

    String finance;
    UUID invoice;

    @BeforeEach
    void aFinalizedInvoice() {
        UUID tenant = data.tenant();
        data.eventsCosting(tenant, data.app(tenant, "a"), "gpt-4o", 3, Instant.parse("2036-05-10T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2036-06-01T00:05:00Z");
        finance = data.user("FINANCE", null, null);
        assertThat(new Http(port).post("/api/v1/billing/month-close", finance, "{\"period\":\"2036-05\"}")
                .statusCode()).isEqualTo(200);
        invoice = jdbc.sql("select id from invoices where tenant_id = :t").param("t", tenant).query(UUID.class)
                .single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"})
    void a_cross_site_form_cannot_void_an_invoice_with_the_browsers_basic_credentials(String formContentType)
            throws Exception {
        HttpResponse<String> response = send(voidRequest()
                .header("Authorization", basic(finance, TestData.PASSWORD))
                .header("Content-Type", formContentType)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("x=1")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"CLIENT_HEADER_REQUIRED\"");
        assertThat(status()).isEqualTo("FINALIZED");
    }

    @Test
    void a_client_header_or_json_lets_the_api_client_void_it() throws Exception {
        HttpResponse<String> response = send(voidRequest()
                .header("Authorization", basic(finance, TestData.PASSWORD))
                .header(CrossSiteRequestGuard.CLIENT_HEADER, "finance-script")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status()).isEqualTo("VOID");
    }

    @Test
    void a_cross_site_script_gets_no_cors_permission_to_send_the_header() throws Exception {
        HttpResponse<String> preflight = send(voidRequest()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-tollgate-client, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).isEmpty();
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_billing_and_the_portal() throws Exception {
        String user = data.user("FINANCE", null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(get(user, "wrong " + i).statusCode()).isEqualTo(401);
        }

        assertThat(get(user, TestData.PASSWORD).statusCode()).as("the right password while locked").isEqualTo(401);
        assertThat(lockout.isLocked(lockedUntil(user), clock.instant()))
                .as("the portal's sign-in refuses on the same rule and columns").isTrue();
    }

    @Test
    void failures_in_the_portal_and_in_billing_add_up_to_one_lock() throws Exception {
        String user = data.user("FINANCE", null, null);
        UUID id = jdbc.sql("select id from users where email = :e").param("e", user).query(UUID.class).single();
        for (int i = 0; i < 3; i++) {
            lockout.recordFailure(id, clock.instant());
        }
        assertThat(get(user, "wrong").statusCode()).isEqualTo(401);
        assertThat(get(user, "wrong").statusCode()).isEqualTo(401);

        assertThat(get(user, TestData.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(lockout.isLocked(lockedUntil(user), clock.instant())).isTrue();
    }

    @Test
    void a_right_password_ends_the_count() throws Exception {
        String user = data.user("FINANCE", null, null);
        for (int i = 0; i < 4; i++) {
            assertThat(get(user, "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(failedCount(user)).isEqualTo(4);

        assertThat(get(user, TestData.PASSWORD).statusCode()).isEqualTo(200);

        assertThat(failedCount(user)).isZero();
        assertThat(get(user, "wrong").statusCode()).isEqualTo(401);
        assertThat(get(user, TestData.PASSWORD).statusCode()).isEqualTo(200);
    }

    private String status() {
        return jdbc.sql("select status from invoices where id = :id").param("id", invoice).query(String.class).single();
    }

    private int failedCount(String user) {
        return jdbc.sql("select failed_login_count from users where email = :e").param("e", user)
                .query(Integer.class).single();
    }

    private @Nullable Instant lockedUntil(String user) {
        OffsetDateTime until = jdbc.sql("select locked_until from users where email = :e").param("e", user)
                .query(OffsetDateTime.class).optional().orElse(null);
        return until == null ? null : until.toInstant();
    }

    private HttpResponse<String> get(String user, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/billing/invoices?period=2036-05"))
                .header("Authorization", basic(user, password)).GET());
    }

    private HttpRequest.Builder voidRequest() {
        return HttpRequest.newBuilder(uri("/api/v1/billing/invoices/" + invoice + "/void"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
