package io.tollgate.billing.stripe;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe is used only when an API key is set (STRIPE_API_KEY).
 *
 * @param apiBase            overridable so tests talk to a local stub in Stripe's wire format
 * @param webhookSecret      the endpoint's signing secret (STRIPE_WEBHOOK_SECRET), "whsec_..."
 * @param maxNetworkRetries  stripe-java retries failed calls this often, with the same idempotency key
 */
@ConfigurationProperties("tollgate.billing.stripe")
@Validated
public record StripeProperties(@DefaultValue("") String apiKey,
                               @DefaultValue("https://api.stripe.com") @NotBlank @URL String apiBase,
                               @DefaultValue("") String webhookSecret,
                               @DefaultValue("2") @PositiveOrZero int maxNetworkRetries,
                               @DefaultValue("30") @Positive long daysUntilDue,
                               @DefaultValue("300") @Positive long webhookToleranceSeconds) {

    boolean enabled() {
        return !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", enabled=" + enabled() + "]";
    }
}
