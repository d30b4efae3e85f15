package io.tollgate.billing.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BudgetAlertIntegrationTest extends BillingIntegrationTest {

    static final String SECRET = "whsec_test_secret";

    @Autowired
    BudgetAlertDispatcher dispatcher;

    @Autowired
    CredentialCipher cipher;

    WebhookReceiver receiver;
    UUID tenant;
    String billingEmail;

    @BeforeEach
    void tenantWithBudgetAndWebhook() {
        clock.set("2037-03-10T12:00:00Z");
        receiver = new WebhookReceiver(SECRET);
        tenant = data.tenant();
        billingEmail = jdbc.sql("select email from tenant_billing_contacts where tenant_id = :t").param("t", tenant)
                .query(String.class).single();
        webhook(receiver.url());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void an_alert_is_signed_retried_with_backoff_and_delivered_exactly_once() throws Exception {
        UUID alert = alert(80);
        receiver.answerNext(503);

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(receiver.deliveries()).hasSize(1);
        Map<String, Object> afterFailure = row(alert);
        assertThat(afterFailure.get("webhook_status")).isEqualTo("PENDING");
        assertThat(afterFailure.get("email_status")).isEqualTo("SENT");
        assertThat(afterFailure.get("attempts")).isEqualTo(1);
        assertThat(afterFailure.get("last_error")).asString().contains("HTTP 503");

        clock.advance(Duration.ofSeconds(31));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();

        assertThat(receiver.deliveries()).hasSize(2).allSatisfy(delivery -> {
            assertThat(delivery.signatureValid()).isTrue();
            assertThat(delivery.eventId()).isEqualTo(alert.toString());
            assertThat(delivery.body()).contains("\"type\":\"budget.threshold\"").contains("\"thresholdPercent\":80");
        });
        assertThat(row(alert).get("webhook_status")).isEqualTo("SENT");
        Map<String, Object> delivery = jdbc.sql("select * from webhook_deliveries where event_id = :alert")
                .param("alert", alert).query().singleRow();
        assertThat(delivery).containsEntry("tenant_id", tenant).containsEntry("event_type", "budget.threshold")
                .containsEntry("status", "DELIVERED").containsEntry("attempts", 2).containsEntry("http_status", 200);
        assertThat(messagesTo(billingEmail)).hasSize(1);
        assertThat(messagesTo(billingEmail).getFirst().getSubject()).contains("80%");
    }

    @Test
    void an_alert_email_reaches_every_billing_contact_each_in_a_message_of_its_own() throws Exception {
        List<String> contacts = List.of(billingEmail, "cfo-" + tenant + "@example.org",
                "ap-" + tenant + "@example.net");
        data.billingContact(tenant, contacts.get(1));
        data.billingContact(tenant, contacts.get(2));
        UUID alert = alert(90);

        dispatcher.dispatchDue();

        assertThat(row(alert).get("email_status")).isEqualTo("SENT");
        for (String contact : contacts) {
            assertThat(messagesTo(contact)).as(contact).hasSize(1).first().satisfies(message -> {
                assertThat(message.getSubject()).contains("90%");
                assertThat(message.getAllRecipients()).as("no contact sees another's address").hasSize(1);
                assertThat(GreenMailUtil.getBody(message)).contains(alert.toString());
            });
        }
    }

    @Test
    void two_dispatchers_running_at_once_send_an_alert_once() {
        alert(100);
        receiver.delay(300);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        first.join();
        second.join();

        assertThat(receiver.deliveries()).hasSize(1);
        assertThat(messagesTo(billingEmail)).hasSize(1);
    }

    @Test
    void a_webhook_that_keeps_failing_is_given_up_while_a_working_one_is_not_called_again() {
        try (WebhookReceiver broken = new WebhookReceiver(SECRET)) {
            webhook(broken.url());
            UUID alert = alert(50);
            broken.answerNext(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

            for (int attempt = 0; attempt < 10; attempt++) {
                dispatcher.dispatchDue();
                clock.advance(Duration.ofHours(2));
            }

            assertThat(receiver.deliveries()).hasSize(1);
            assertThat(broken.deliveries()).hasSize(8);
            assertThat(row(alert).get("webhook_status")).isEqualTo("FAILED");
            assertThat(row(alert).get("attempts")).isEqualTo(8);
            assertThat(jdbc.sql("""
                            select status || ' ' || attempts || ' ' || http_status from webhook_deliveries
                            where event_id = :alert order by attempts""")
                    .param("alert", alert).query(String.class).list())
                    .containsExactly("DELIVERED 1 200", "FAILED 8 500");
        }
    }

    private void webhook(String url) {
        UUID id = UUID.randomUUID();
        EncryptedSecret secret = cipher.encrypt(SECRET, id.toString());
        jdbc.sql("""
                        insert into webhooks (id, tenant_id, url, secret_ciphertext, secret_key_id)
                        values (:id, :tenant, :url, :secret, :key)""")
                .param("id", id).param("tenant", tenant).param("url", url).param("secret", secret.ciphertext())
                .param("key", secret.keyId()).update();
    }

    private UUID alert(int threshold) {
        UUID budget = jdbc.sql("select id from budgets where tenant_id = :t").param("t", tenant).query(UUID.class)
                .optional().orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("insert into budgets (id, tenant_id, scope, amount_usd) values (:id, :t, 'TENANT', 100)")
                            .param("id", id).param("t", tenant).update();
                    return id;
                });
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into budget_alerts (id, budget_id, tenant_id, period_start, threshold_percent, spent_usd,
                                                   budget_usd)
                        values (:id, :budget, :tenant, :period, :threshold, :spent, 100)""")
                .param("id", id).param("budget", budget).param("tenant", tenant)
                .param("period", LocalDate.parse("2037-03-01")).param("threshold", threshold)
                .param("spent", new java.math.BigDecimal(threshold)).update();
        return id;
    }

    private Map<String, Object> row(UUID alert) {
        return jdbc.sql("select * from budget_alerts where id = :id").param("id", alert).query().singleRow();
    }

    private List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
