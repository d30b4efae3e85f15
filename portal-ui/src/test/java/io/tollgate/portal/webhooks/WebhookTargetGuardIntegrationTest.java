package io.tollgate.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.webhook.WebhookAddressGuard;
import io.tollgate.model.webhook.WebhookDeliveryOutcome;
import io.tollgate.model.webhook.WebhookHostResolver;
import io.tollgate.model.webhook.WebhookProperties;
import io.tollgate.model.webhook.WebhookRepository;
import io.tollgate.model.webhook.WebhookSender;
import io.tollgate.model.webhook.WebhookTarget;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks cannot be pointed inside the platform's network: with private targets not allowed (the default; the
 * tests' shared context allows them for its local receivers, so the guard here is the production default), a URL
 * whose host resolves to a loopback or link-local address is refused at registration, and a delivery to such a host
 * is recorded as failed without a request being sent. Redirects are never followed.
 */
@PortalIntegrationTest
class WebhookTargetGuardIntegrationTest {

    static final Set<String> BUDGET_ALERTS = Set.of("budget.threshold");
    static final WebhookAddressGuard PRODUCTION_DEFAULT = new WebhookAddressGuard(false, WebhookHostResolver.SYSTEM);

    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookRepository webhookRepository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuditLog audit;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    WebhookSender sender;
    @Autowired
    WebhookProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;

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
    void registering_a_url_that_resolves_inside_the_platforms_network_is_refused_with_the_reason() {
        WebhookService guarded = new WebhookService(webhookRepository, jdbc, currentUser, audit, cipher, sender,
                clock, PRODUCTION_DEFAULT);

        assertThatThrownBy(() -> guarded.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS)))
                .isInstanceOf(WebhookUrlRefused.class)
                .hasMessageStartingWith("localhost resolves to ").hasMessageContaining("loopback");
        assertThatThrownBy(() -> guarded.create(new WebhookDraft("https://169.254.169.254/latest/meta-data/",
                BUDGET_ALERTS))).isInstanceOf(WebhookUrlRefused.class).hasMessageContaining("link-local");
        assertThatThrownBy(() -> guarded.create(new WebhookDraft("https://[fd00::1]/hook", BUDGET_ALERTS)))
                .isInstanceOf(WebhookUrlRefused.class).hasMessageContaining("unique-local");
        assertThatThrownBy(() -> guarded.create(new WebhookDraft("https://10.20.30.40/hook", BUDGET_ALERTS)))
                .isInstanceOf(WebhookUrlRefused.class).hasMessageContaining("private");
        assertThat(webhooks.list()).as("nothing registered").isEmpty();

        // the hand-made service has no proxy: the audit row needs the transaction the proxy would open
        CreatedWebhook publicOne = transactions.execute(tx -> guarded.create(
                new WebhookDraft("https://93.184.215.14/hook", BUDGET_ALERTS)));
        assertThat(webhooks.find(publicOne.id())).as("a public address is accepted").isPresent();
    }

    @Test
    void a_delivery_to_a_host_that_resolves_to_loopback_is_recorded_as_failed_and_never_sent() throws IOException {
        // registered while allowed (e.g. before an operator turned private targets off)
        CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));
        UUID eventId = UUID.randomUUID();

        WebhookDeliveryOutcome outcome;
        try (WebhookSender guardedSender = new WebhookSender(cipher, jdbc, clock, properties, PRODUCTION_DEFAULT)) {
            outcome = guardedSender.deliver(target(created.id()), eventId, "webhook.test", "{}");
        }

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.httpStatus()).isNull();
        assertThat(outcome.error()).contains("not called").contains("localhost resolves to")
                .contains("loopback");
        assertThat(receiver.received()).as("no request left the platform").isEmpty();
        assertThat(webhooks.deliveries(created.id())).singleElement().satisfies(delivery -> {
            assertThat(delivery.eventId()).isEqualTo(eventId);
            assertThat(delivery.status()).isEqualTo("FAILED");
            assertThat(delivery.error()).contains("loopback");
        });

        WebhookDeliveryOutcome allowed = sender.deliver(target(created.id()), UUID.randomUUID(), "webhook.test", "{}");
        assertThat(allowed.delivered()).as("the same webhook where private targets are allowed").isTrue();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void a_redirect_is_a_failed_delivery_and_is_not_followed() {
        try (LocalReceiver elsewhere = new LocalReceiver()) {
            receiver.redirectTo(elsewhere.url());
            CreatedWebhook created = webhooks.create(new WebhookDraft(receiver.url(), BUDGET_ALERTS));

            DeliverySummary delivery = webhooks.sendTest(created.id());

            assertThat(delivery.delivered()).isFalse();
            assertThat(delivery.httpStatus()).isEqualTo(307);
            assertThat(delivery.error()).contains("redirect").contains("not followed");
            assertThat(receiver.received()).hasSize(1);
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    private WebhookTarget target(UUID webhookId) {
        return jdbc.sql("select " + WebhookTarget.COLUMNS + " from webhooks w where w.id = ?").param(webhookId)
                .query((rs, row) -> WebhookTarget.read(admin.tenantId(), rs)).single();
    }
}
