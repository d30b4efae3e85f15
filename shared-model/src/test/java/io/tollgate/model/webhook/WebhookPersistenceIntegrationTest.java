package io.tollgate.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class WebhookPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    WebhookRepository webhooks;
    @Autowired
    JdbcClient jdbc;

    private static Function<UUID, EncryptedSecret> sealed(String secret) {
        return id -> new EncryptedSecret((secret + "@" + id).getBytes(StandardCharsets.UTF_8), "k1");
    }

    @Test
    void a_rotated_webhook_round_trips_and_billing_s_sql_reads_the_same_target() {
        UUID tenant = tenants.newTenant();
        Webhook saved = tenants.actingFor(tenant, () -> webhooks.save(
                new Webhook("https://hooks.example.com/a?token=x", List.of("budget.threshold"), sealed("s1"), NOW)));
        tenants.actingFor(tenant, () -> webhooks.findById(saved.getId()).orElseThrow()
                .rotateSecret(sealed("s2"), Duration.ofHours(24), NOW.plusSeconds(5)));

        Webhook loaded = tenants.actingFor(tenant, () -> webhooks.findById(saved.getId()).orElseThrow());

        assertThat(loaded.getUrl()).isEqualTo("https://hooks.example.com/a?token=x");
        assertThat(loaded.getEvents()).containsExactly("budget.threshold");
        assertThat(loaded.getCreatedAt()).isEqualTo(NOW);
        assertThat(loaded.target().previousSecret()).isPresent();
        WebhookTarget readBySql = jdbc.sql("select " + WebhookTarget.COLUMNS + " from webhooks w where w.id = ?")
                .param(saved.getId()).query((rs, row) -> WebhookTarget.read(tenant, rs)).single();
        assertThat(loaded.target()).usingRecursiveComparison().isEqualTo(readBySql);
        assertThat(jdbc.sql("select version from webhooks where id = ?").param(saved.getId()).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void webhooks_list_in_the_order_they_were_registered_and_count_and_delete() {
        UUID tenant = tenants.newTenant();
        Webhook later = tenants.actingFor(tenant, () -> webhooks.save(
                new Webhook("https://b.example.com/", List.of("budget.threshold"), sealed("s"), NOW.plusSeconds(1))));
        Webhook earlier = tenants.actingFor(tenant, () -> webhooks.save(
                new Webhook("https://a.example.com/", List.of("budget.threshold"), sealed("s"), NOW)));

        assertThat(tenants.actingFor(tenant, webhooks::findAllForListing)).extracting(Webhook::getId)
                .containsExactly(earlier.getId(), later.getId());
        assertThat(tenants.actingFor(tenant, webhooks::count)).isEqualTo(2);

        tenants.actingFor(tenant, () -> {
            webhooks.delete(webhooks.findById(earlier.getId()).orElseThrow());
            return null;
        });
        assertThat(tenants.actingFor(tenant, webhooks::findAllForListing)).extracting(Webhook::getId)
                .containsExactly(later.getId());
    }
}
