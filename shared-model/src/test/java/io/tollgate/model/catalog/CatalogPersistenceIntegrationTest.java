package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog's platform-owned rows through JPA: no tenant filter applies to them, so a platform administrator's
 * session (no tenant) and a tenant's read the same rows.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class CatalogPersistenceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions sessions;
    @Autowired
    ModelRepository models;
    @Autowired
    ProviderRepository providers;
    @Autowired
    DeploymentRepository deployments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_model_keeps_its_prices_exactly_and_a_new_price_leaves_its_version_alone() {
        Model model = sessions.actingForNoTenant(() -> models.saveAndFlush(new Model(details("priced"), NOW)));
        Instant from = NOW.plus(Duration.ofDays(1));
        sessions.actingForNoTenant(() -> models.findById(model.getId()).orElseThrow().addPrice(from,
                new PriceRates(new BigDecimal("0.000000001"), new BigDecimal("10"), new BigDecimal("1.25"), null,
                        new BigDecimal("3.75")), NOW));

        Model loaded = sessions.actingForNoTenant(() -> {
            Model found = models.findById(model.getId()).orElseThrow();
            found.priceSchedule();
            return found;
        });

        EffectivePrice price = loaded.priceSchedule().prices().getFirst();
        assertThat(price.effectiveFrom()).isEqualTo(from);
        assertThat(price.rates().inputPerMillion()).isEqualTo(new BigDecimal("0.000000001"));
        assertThat(price.rates().reasoningRate()).isEmpty();
        assertThat(price.rates().effectiveCacheWritePerMillion()).isEqualByComparingTo("3.75");
        assertThat(loaded.getVersion()).isZero();
        assertThat(loaded.details()).isEqualTo(details("priced"));
        assertThat(jdbc.sql("select currency from prices where id = ?").param(price.priceId()).query(String.class)
                .single()).isEqualTo("USD");
    }

    @Test
    void platform_owned_rows_read_the_same_from_a_tenant_session_and_from_none() {
        UUID modelId = sessions.newModel();
        UUID tenant = sessions.newTenant();

        String fromNoTenant = sessions.actingForNoTenant(() -> models.findById(modelId).orElseThrow().getName());
        String fromTenant = sessions.actingFor(tenant, () -> models.findById(modelId).orElseThrow().getName());

        assertThat(fromTenant).isEqualTo(fromNoTenant).startsWith("model-");
        assertThat(sessions.actingFor(tenant, models::findAllForListing)).extracting(Model::getId).contains(modelId);
    }

    @Test
    void a_providers_settings_change_keeps_the_keys_the_portal_does_not_edit() {
        Provider saved = sessions.actingForNoTenant(() -> providers.saveAndFlush(
                new Provider("azure-" + UUID.randomUUID(), ProviderType.AZURE_OPENAI, "https://contoso.example", true,
                        NOW)));
        jdbc.sql("update providers set settings = '{\"apiVersion\": \"2024-06-01\", \"latencyMs\": 20, "
                + "\"ratio\": 0.25}' where id = ?").param(saved.getId()).update();

        sessions.actingForNoTenant(() -> {
            Provider provider = providers.findByIdForUpdate(saved.getId()).orElseThrow();
            provider.changeGatewaySettings(null, false, 30);
            provider.changeTimeouts(1_500, 300_000);
            provider.replaceCredential(new EncryptedSecret(new byte[28], "k1"));
            return providers.saveAndFlush(provider);
        });

        assertThat(jdbc.sql("select settings::text from providers where id = ?").param(saved.getId())
                .query(String.class).single()).isEqualTo("{\"ratio\": 0.25, \"latencyMs\": 20, \"apiVersion\": "
                + "\"2024-06-01\", \"streamOptions\": false, \"healthCheckSeconds\": 30}");
        Provider loaded = sessions.actingForNoTenant(() -> providers.findById(saved.getId()).orElseThrow());
        assertThat(loaded.getConnectTimeoutMs()).isEqualTo(1_500);
        assertThat(loaded.getResponseTimeoutMs()).isEqualTo(300_000);
        assertThat(loaded.credential()).contains(new EncryptedSecret(new byte[28], "k1"));
        assertThat(loaded.getVersion()).as("raised by the SQL update (the database's trigger) and by the save").isEqualTo(2);
        assertThat(sessions.actingForNoTenant(() -> providers.existsByNameAndIdNot(loaded.getName(), saved.getId())))
                .isFalse();
    }

    @Test
    void a_providers_deployments_are_listed_by_model_name_then_priority_with_the_names() {
        UUID zeta = sessions.actingForNoTenant(() -> models.saveAndFlush(new Model(details("zeta-" + UUID.randomUUID()),
                NOW)).getId());
        UUID alpha = sessions.actingForNoTenant(() -> models.saveAndFlush(new Model(
                details("alpha-" + UUID.randomUUID()), NOW)).getId());
        UUID providerId = sessions.actingForNoTenant(() -> providers.saveAndFlush(
                new Provider("mock-" + UUID.randomUUID(), ProviderType.MOCK, null, true, NOW)).getId());
        sessions.actingForNoTenant(() -> {
            deployments.saveAndFlush(new Deployment(zeta, providerId, settings("z", 0), NOW));
            deployments.saveAndFlush(new Deployment(alpha, providerId, settings("a-backup", 1), NOW));
            return deployments.saveAndFlush(new Deployment(alpha, providerId, settings("a-main", 0), NOW));
        });

        List<ListedDeployment> listed = sessions.actingForNoTenant(
                () -> deployments.findAllListedByProviderId(providerId));

        assertThat(listed).extracting(d -> d.deployment().settings().upstreamModel())
                .containsExactly("a-main", "a-backup", "z");
        assertThat(listed.getFirst().modelName()).startsWith("alpha-");
        assertThat(listed.getFirst().deployment().settings().costOutputPerMillion()).isEqualTo(new BigDecimal(
                "2.500000000"));
        assertThat(sessions.actingForNoTenant(() -> deployments.existsByModelIdAndProviderIdAndUpstreamModel(alpha,
                providerId, "a-main"))).isTrue();
    }

    private static ModelDetails details(String name) {
        return new ModelDetails(name, "A model", "", List.of("chat", "tools"), 32_000, null, true,
                ModelStatus.ACTIVE);
    }

    private static DeploymentSettings settings(String upstream, int priority) {
        return new DeploymentSettings(upstream, 100, priority, true, null, null, null, null, null, null,
                new BigDecimal("0.5"), new BigDecimal("2.5"));
    }
}
