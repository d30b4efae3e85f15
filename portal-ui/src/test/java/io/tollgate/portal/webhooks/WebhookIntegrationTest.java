package io.tollgate.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.billingcontact.BillingContact;
import io.tollgate.portal.billingcontact.BillingContactService;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.AccessTokens;
import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import io.tollgate.portal.tokens.AccessTokenService;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class WebhookIntegrationTest {

    static final Set<String> BUDGET_ALERTS = Set.of("budget.threshold");

    @Autowired
    WebhookService webhooks;
    @Autowired
    BillingContactService contacts;
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
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        Tenants.signOut();
    }

    @Test
    void a_test_delivery_reaches_a_local_receiver_signed_with_the_secret_shown_once() {
        Tenants.signIn(admin);
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));

        DeliverySummary delivery = webhooks.sendTest(created.id());

        assertThat(receiver.received()).singleElement().satisfies(received -> {
            assertThat(received.signedWith(created.secret())).isTrue();
            assertThat(received.signedWith(created.secret() + "x")).isFalse();
            assertThat(received.eventId()).isEqualTo(delivery.eventId().toString());
            assertThat(received.eventType()).isEqualTo("webhook.test");
            assertThat(received.body()).contains("\"type\":\"webhook.test\"").contains(created.id().toString());
        });
        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.httpStatus()).isEqualTo(204);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(webhooks.recentDeliveries()).extracting(DeliverySummary::id).containsExactly(delivery.id());
        // stored encrypted, never in plain text, and never in the audit trail
        byte[] stored = jdbc.sql("select secret_ciphertext from webhooks where id = ?").param(created.id())
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(created.secret().substring(6));
        assertThat(jdbc.sql("select action from audit_log where target_id = ? order by id")
                .param(created.id().toString()).query(String.class).list())
                .containsExactly("webhook.create", "webhook.test");
        assertThat(jdbc.sql("select count(*) from audit_log where details::text like ?")
                .param("%" + created.secret().substring(6) + "%").query(Long.class).single()).isZero();
        assertThat(webhooks.list()).singleElement().satisfies(webhook -> {
            assertThat(webhook.url()).isEqualTo(receiver.url());
            assertThat(webhook.events()).containsExactly("budget.threshold");
            assertThat(webhook.enabled()).isTrue();
        });
    }

    @Test
    void a_refusing_receiver_is_a_failed_delivery_and_a_disabled_webhook_still_takes_tests() {
        Tenants.signIn(admin);
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));
        webhooks.setEnabled(created.id(), false);
        receiver.answer(503);

        DeliverySummary delivery = webhooks.sendTest(created.id());

        assertThat(receiver.received()).hasSize(1);
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.httpStatus()).isEqualTo(503);
        assertThat(delivery.error()).contains("HTTP 503");
        assertThat(webhooks.find(created.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void another_tenant_can_neither_see_nor_test_nor_disable_nor_delete_a_webhook() {
        Tenants.signIn(admin);
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));
        webhooks.sendTest(created.id());

        Tenants.signIn(new Tenants(jdbc).newTenantMember("ADMIN"));
        assertThat(webhooks.list()).isEmpty();
        assertThat(webhooks.recentDeliveries()).isEmpty();
        assertThat(webhooks.find(created.id())).isEmpty();
        assertThatThrownBy(() -> webhooks.sendTest(created.id())).isInstanceOf(PortalException.NotFound.class);
        assertThatThrownBy(() -> webhooks.deliveries(created.id())).isInstanceOf(PortalException.NotFound.class);
        assertThatThrownBy(() -> webhooks.setEnabled(created.id(), false))
                .isInstanceOf(PortalException.NotFound.class);
        assertThatThrownBy(() -> webhooks.delete(created.id())).isInstanceOf(PortalException.NotFound.class);

        Tenants.signIn(admin);
        assertThat(receiver.received()).hasSize(1);
        assertThat(webhooks.find(created.id()).orElseThrow().enabled()).isTrue();
        webhooks.delete(created.id());
        assertThat(webhooks.list()).isEmpty();
        assertThat(webhooks.recentDeliveries()).isEmpty();
    }

    @Test
    void only_tenant_admins_manage_webhooks_and_only_events_billing_sends_are_offered() {
        PortalUser developer = new Tenants(jdbc).newMember(admin.tenantId(), "Team", "DEVELOPER");
        Tenants.signIn(developer);
        assertThatThrownBy(() -> webhooks.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS)))
                .isInstanceOf(AccessDeniedException.class);

        Tenants.signIn(admin);
        assertThatThrownBy(() -> webhooks.create(new WebhookDraft(receiver.url(), Set.of("invoice.finalized"))))
                .isInstanceOf(PortalException.class).hasMessageContaining("Unknown event");
        assertThatThrownBy(() -> webhooks.create(new WebhookDraft("http://hooks.example.com/x", BUDGET_ALERTS)))
                .isInstanceOf(PortalException.class).hasMessageContaining("https");
        assertThat(webhooks.list()).isEmpty();
    }

    @Test
    void the_management_api_registers_tests_and_deletes_a_webhook_with_the_secret_returned_once() {
        String token = new AccessTokens(tokenService).tenantToken(admin, "ADMIN");
        ManagementApi api = new ManagementApi(port);

        Reply created = api.post(token, "/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        String secret = created.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.json().path("events").toString()).isEqualTo("[\"budget.threshold\"]");

        Reply tested = api.post(token, "/api/v1/webhooks/" + id + "/test", null);
        assertThat(tested.status()).as("%s", tested).isEqualTo(200);
        assertThat(tested.json().path("status").asString()).isEqualTo("DELIVERED");
        assertThat(receiver.received()).singleElement()
                .satisfies(received -> assertThat(received.signedWith(secret)).isTrue());

        Reply listed = api.get(token, "/api/v1/webhooks");
        assertThat(listed.body()).contains(id).doesNotContain(secret).doesNotContain("\"secret\"");
        Reply history = api.get(token, "/api/v1/webhooks/" + id + "/deliveries");
        assertThat(history.json().path("items").get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where target_id = ? and actor_token_id is not null")
                .param(id).query(Long.class).single()).isEqualTo(2);

        assertThat(api.send(token, "DELETE", "/api/v1/webhooks/" + id, null, java.util.Map.of()).status())
                .isEqualTo(204);
        assertThat(api.post(token, "/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(404);
        Reply refused = api.post(token, "/api/v1/webhooks", "{\"url\": \"ftp://example.com\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void billing_contacts_are_validated_versioned_audited_and_kept_by_admin_and_billing_members() {
        Tenants.signIn(admin);

        BillingContact finance = contacts.add(OptionalLong.of(contacts.contacts().version()), "  finance@example.com ");
        assertThat(finance.email()).isEqualTo("finance@example.com");
        long version = contacts.contacts().version();
        assertThatThrownBy(() -> contacts.add(OptionalLong.of(version), "not an address"))
                .isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> contacts.add(OptionalLong.of(version), "finance@localhost"))
                .isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> contacts.add(OptionalLong.of(version - 1), "late@example.com"))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(contacts.contacts().contacts()).extracting(BillingContact::email)
                .containsExactly("finance@example.com");

        Tenants.signIn(new Tenants(jdbc).newMember(admin.tenantId(), "Team", "BILLING"));
        contacts.add(OptionalLong.empty(), "cfo@example.com");
        contacts.remove(OptionalLong.of(contacts.contacts().version()), finance.id());
        assertThat(contacts.contacts().contacts()).extracting(BillingContact::email).containsExactly("cfo@example.com");
        assertThat(jdbc.sql("""
                        select action from audit_log where tenant_id = ? and action like 'tenant.billing_contact.%'
                        order by id""")
                .param(admin.tenantId()).query(String.class).list())
                .containsExactly("tenant.billing_contact.add", "tenant.billing_contact.add",
                        "tenant.billing_contact.remove");

        Tenants.signIn(new Tenants(jdbc).newMember(admin.tenantId(), "Team", "DEVELOPER"));
        assertThatThrownBy(() -> contacts.add(OptionalLong.empty(), "x@example.com"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(contacts::contacts).isInstanceOf(AccessDeniedException.class);
    }
}
