package io.tollgate.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.crypto.EncryptedSecret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void a_new_provider_has_the_timeouts_the_gateway_always_applied_and_no_settings() {
        Provider provider = new Provider("openai", ProviderType.OPENAI, null, true, NOW);

        assertThat(provider.getConnectTimeoutMs()).isEqualTo(5_000);
        assertThat(provider.getResponseTimeoutMs()).isEqualTo(120_000);
        assertThat(provider.acceptsStreamOptions()).isTrue();
        assertThat(provider.region()).isEmpty();
        assertThat(provider.healthCheckSeconds()).isEmpty();
        assertThat(provider.hasCredential()).isFalse();
    }

    @Test
    void only_an_openai_wire_server_keeps_a_refusal_of_stream_options_and_only_bedrock_a_region() {
        Provider provider = new Provider("azure", ProviderType.AZURE_OPENAI, null, true, NOW);
        provider.changeGatewaySettings("us-east-1", false, 30);
        assertThat(provider.acceptsStreamOptions()).isFalse();
        assertThat(provider.region()).as("not a Bedrock provider").isEmpty();
        assertThat(provider.healthCheckSeconds()).contains(30);

        provider.configure("bedrock", ProviderType.BEDROCK, null, true, NOW);
        provider.changeGatewaySettings("eu-central-1", false, null);
        assertThat(provider.acceptsStreamOptions()).as("Bedrock does not read it").isTrue();
        assertThat(provider.region()).contains("eu-central-1");
        assertThat(provider.healthCheckSeconds()).isEmpty();
        assertThatThrownBy(() -> provider.changeGatewaySettings(null, true, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("AWS region");
    }

    @Test
    void timeouts_are_positive() {
        Provider provider = new Provider("mock", ProviderType.MOCK, null, true, NOW);

        provider.changeTimeouts(1_500, 300_000);
        assertThat(provider.getConnectTimeoutMs()).isEqualTo(1_500);
        assertThat(provider.getResponseTimeoutMs()).isEqualTo(300_000);
        assertThatThrownBy(() -> provider.changeTimeouts(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provider.changeTimeouts(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(provider.getConnectTimeoutMs()).isEqualTo(1_500);
    }

    @Test
    void the_credential_is_bound_to_the_provider_id_and_never_shown() {
        Provider provider = new Provider("openai", ProviderType.OPENAI, "https://api.openai.example/v1", true, NOW);
        EncryptedSecret secret = new EncryptedSecret(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29}, "k1");

        assertThat(provider.toString()).contains("<unset>");
        provider.replaceCredential(secret);

        assertThat(provider.credential()).contains(secret);
        assertThat(provider.credentialBinding()).isEqualTo(provider.getId().toString());
        assertThat(provider.toString()).contains("openai", "<redacted>").doesNotContain("k1", "[1, 2");
    }
}
