package io.tollgate.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.AccessTokens;
import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import io.tollgate.portal.tokens.AccessTokenService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating a webhook's signing secret: the new secret is shown once; during the grace period a real delivery carries
 * a v1 signature for each secret, so a receiver verifying with either accepts it; after it, only the new one signs.
 */
@PortalIntegrationTest
class WebhookSecretRotationIntegrationTest {

    static final Set<String> BUDGET_ALERTS = Set.of("budget.threshold");

    @Autowired
    WebhookService webhooks;
    @Autowired
    AccessTokenService tokenService;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    PortalUser admin;
    LocalReceiver receiver;

    @BeforeEach
    void setUp() {
        admin = new Tenants(jdbc).newTenantMember("ADMIN");
        receiver = new LocalReceiver();
        Tenants.signIn(admin);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        Tenants.signOut();
    }

    @Test
    void during_the_grace_period_a_receiver_verifies_with_either_secret_and_afterwards_only_with_the_new_one() {
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));

        RotatedSecret rotated = webhooks.rotateSecret(created.id());

        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(created.secret());
        assertThat(rotated.previousSecretValidUntil()).isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS),
                within(1, ChronoUnit.MINUTES));
        assertThat(webhooks.find(created.id()).orElseThrow().previousSecretValidUntil())
                .isEqualTo(rotated.previousSecretValidUntil().truncatedTo(ChronoUnit.MICROS));
        assertThat(webhooks.sendTest(created.id()).delivered()).isTrue();
        assertThat(receiver.received()).singleElement().satisfies(inGrace -> {
            assertThat(inGrace.signatures()).as("the new secret's first").hasSize(2);
            assertThat(inGrace.signedWith(created.secret())).as("a receiver still holding the old secret").isTrue();
            assertThat(inGrace.signedWith(rotated.secret())).as("a receiver that switched").isTrue();
            assertThat(inGrace.signedWith(rotated.secret() + "x")).isFalse();
        });
        assertThat(jdbc.sql("select count(*) from audit_log where target_id = ? and action = 'webhook.secret.rotate'")
                .param(created.id().toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where details::text like ? or details::text like ?")
                .params("%" + rotated.secret().substring(6) + "%", "%" + created.secret().substring(6) + "%")
                .query(Long.class).single()).as("no secret in the audit trail").isZero();

        graceEnds(created.id());
        assertThat(webhooks.sendTest(created.id()).delivered()).isTrue();

        assertThat(receiver.received()).hasSize(2).last().satisfies(afterGrace -> {
            assertThat(afterGrace.signatures()).hasSize(1);
            assertThat(afterGrace.signedWith(rotated.secret())).isTrue();
            assertThat(afterGrace.signedWith(created.secret())).isFalse();
        });
        assertThat(webhooks.find(created.id()).orElseThrow().previousSecretValidUntil()).isNull();
    }

    @Test
    void a_second_rotation_retires_the_first_secret_at_once() {
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));
        RotatedSecret first = webhooks.rotateSecret(created.id());
        RotatedSecret second = webhooks.rotateSecret(created.id());

        webhooks.sendTest(created.id());

        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.signedWith(second.secret())).isTrue();
            assertThat(received.signedWith(first.secret())).isTrue();
            assertThat(received.signedWith(created.secret())).isFalse();
        });
    }

    @Test
    void the_api_rotates_a_secret_and_returns_it_once_and_another_tenant_cannot() {
        String token = new AccessTokens(tokenService).tenantToken(admin, "ADMIN");
        ManagementApi api = new ManagementApi(port);
        Reply created = api.post(token, "/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\"}");
        String id = created.json().path("id").asString();

        Reply rotated = api.post(token, "/api/v1/webhooks/" + id + "/rotate-secret", null);

        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String secret = rotated.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(created.json().path("secret").asString());
        assertThat(Instant.parse(rotated.json().path("previous_secret_valid_until").asString()))
                .isAfter(Instant.now().plus(23, ChronoUnit.HOURS));
        Reply listed = api.get(token, "/api/v1/webhooks");
        assertThat(listed.body()).doesNotContain(secret.substring(6)).contains("previous_secret_valid_until");
        assertThat(api.post(token, "/api/v1/webhooks/" + id + "/test", null).json().path("status").asString())
                .isEqualTo("DELIVERED");
        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.signedWith(secret)).isTrue();
            assertThat(received.signedWith(created.json().path("secret").asString())).isTrue();
        });

        String otherTenant = new AccessTokens(tokenService).tenantToken(new Tenants(jdbc).newTenantMember("ADMIN"),
                "ADMIN");
        assertThat(api.post(otherTenant, "/api/v1/webhooks/" + id + "/rotate-secret", null).status()).isEqualTo(404);
        assertThat(api.post(token, "/api/v1/webhooks/" + UUID.randomUUID() + "/rotate-secret", null).status())
                .isEqualTo(404);
    }

    /** The grace period is over: its end is moved to the past, as 24 hours would. */
    private void graceEnds(UUID webhookId) {
        jdbc.sql("update webhooks set previous_secret_expires_at = now() - interval '1 second' where id = ?")
                .param(webhookId).update();
    }
}
