package io.tollgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StripePropertiesTest {

    @Test
    void the_api_key_and_the_webhook_secret_never_show_in_to_string() {
        StripeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "tollgate.billing.stripe.api-key", "sk_live_51SecretKeyValue",
                "tollgate.billing.stripe.webhook-secret", "whsec_SigningSecretValue")))
                .bindOrCreate("tollgate.billing.stripe", StripeProperties.class);

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.toString())
                .doesNotContain("SecretKeyValue")
                .doesNotContain("SigningSecretValue")
                .isEqualTo("StripeProperties[apiBase=https://api.stripe.com, enabled=true]");
    }
}
