package io.tollgate.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.crypto.EncryptedSecret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WebhookPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    WebhookRepository webhooks;

    @Test
    void a_webhook_round_trips_with_its_event_list_and_encrypted_secret() {
        Tenant tenant = tenant();
        var secret = new EncryptedSecret(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, "k1");
        Webhook webhook = webhooks.save(new Webhook(tenant.getId(), "https://hooks.example.com/tollgate", secret,
                List.of(Webhook.BUDGET_THRESHOLD, "invoice.finalized"), NOW));
        flushAndClear();

        Webhook loaded = webhooks.findByTenantIdAndId(tenant.getId(), webhook.getId()).orElseThrow();

        assertSameState(loaded, webhook);
        assertThat(loaded.getEvents()).containsExactly("budget.threshold", "invoice.finalized");
        assertThat(loaded.getSecret()).isEqualTo(secret);
        assertThat(loaded.subscribesTo(Webhook.BUDGET_THRESHOLD)).isTrue();

        loaded.changeEnabled(false, NOW);
        flushAndClear();
        assertThat(webhooks.findAllByTenantIdAndEnabledTrue(tenant.getId())).isEmpty();
    }
}
