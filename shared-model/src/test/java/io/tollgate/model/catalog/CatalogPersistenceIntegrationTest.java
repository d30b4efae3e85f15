package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CatalogPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    ProviderRepository providers;
    @Autowired
    DeploymentRepository deployments;
    @Autowired
    PriceRepository prices;
    @Autowired
    CredentialCipher cipher;

    @Test
    void a_model_round_trips_with_its_capabilities_array() {
        LlmModel model = model();
        model.changeCapabilities(List.of("chat", "streaming", "tools"), NOW);
        model.changeWindow(200_000, 8_192, NOW);
        model.changeStatus(ModelStatus.DEPRECATED, NOW);
        flushAndClear();

        LlmModel loaded = models.findByName(model.getName()).orElseThrow();

        assertSameState(loaded, model);
        assertThat(loaded.getCapabilities()).containsExactly("chat", "streaming", "tools");
        assertThat(loaded.getMaxOutputTokens()).hasValue(8_192);
    }

    @Test
    void a_provider_round_trips_with_json_settings_and_an_encrypted_credential() {
        var provider = new Provider(unique("azure-"), ProviderType.AZURE_OPENAI, "https://example.openai.azure.com", NOW);
        provider.changeSettings(Map.of("apiVersion", "2024-10-21", "latencyMs", 20, "nested", Map.of("on", true)), NOW);
        EncryptedSecret credential = cipher.encrypt("sk-test-credential");
        provider.storeCredential(credential, NOW);
        providers.save(provider);
        flushAndClear();

        Provider loaded = providers.findByName(provider.getName()).orElseThrow();

        assertSameState(loaded, provider);
        assertThat(loaded.getSettings()).containsEntry("apiVersion", "2024-10-21").containsEntry("latencyMs", 20)
                .containsEntry("nested", Map.of("on", true));
        assertThat(loaded.getCredential()).contains(credential);
        assertThat(cipher.decrypt(loaded.getCredential().orElseThrow())).isEqualTo("sk-test-credential");
    }

    @Test
    void a_deployment_round_trips() {
        LlmModel model = model();
        Provider provider = providers.save(new Provider(unique("mock-"), ProviderType.MOCK, null, NOW));
        var deployment = new Deployment(model.getId(), provider.getId(), "mock-small", NOW);
        deployment.changeRouting(25, 1, NOW);
        deployments.save(deployment);
        flushAndClear();

        assertThat(deployments.findAllByModelIdOrderByPriorityAscWeightDesc(model.getId()))
                .singleElement().satisfies(loaded -> assertSameState(loaded, deployment));
    }

    @Test
    void prices_round_trip_exactly_and_the_effective_one_is_found_by_time() {
        LlmModel model = model();
        Price old = prices.save(new Price(model.getId(), NOW.minusSeconds(86_400),
                PriceRates.withoutReasoningRate(new BigDecimal("0.15"), new BigDecimal("0.6"), new BigDecimal("0.075")), NOW));
        Price current = prices.save(new Price(model.getId(), NOW,
                new PriceRates(new BigDecimal("0.000000001"), new BigDecimal("12.5"), BigDecimal.ZERO,
                        new BigDecimal("30.123456789")), NOW));
        flushAndClear();

        Price loaded = prices.findEffective(model.getId(), NOW.plusSeconds(1)).orElseThrow();
        assertSameState(loaded, current);
        assertThat(loaded.rates().inputPerMillion()).isEqualByComparingTo("0.000000001");
        assertThat(loaded.rates().reasoningPerMillion()).isEqualByComparingTo("30.123456789");
        assertThat(prices.findEffective(model.getId(), NOW.minusMillis(1))).map(Price::getId).contains(old.getId());
        assertThat(prices.findEffective(model.getId(), NOW.minusSeconds(86_401))).isEmpty();
        assertThat(prices.findById(old.getId()).orElseThrow().rates().reasoningRate()).isEmpty();
        assertThat(PriceSchedule.of(prices.findAllByModelIdOrderByEffectiveFrom(model.getId()).stream()
                .map(Price::toEffectivePrice).toList()).at(NOW.minusSeconds(1)))
                .map(EffectivePrice::priceId).contains(old.getId());
    }
}
