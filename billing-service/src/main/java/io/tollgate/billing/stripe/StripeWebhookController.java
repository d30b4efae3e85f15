package io.tollgate.billing.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.invoicing.InvoiceLifecycle;
import io.tollgate.billing.invoicing.InvoiceDetails;
import io.tollgate.billing.security.TenantAccess;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finance pushes invoices to Stripe (when it is configured); Stripe tells us, signed, when one was paid. */
@RestController
@RequestMapping("/api/v1/billing")
class StripeWebhookController {

    private static final Set<String> PAID_EVENTS = Set.of("invoice.paid", "invoice.payment_succeeded");

    private final StripeProperties properties;
    private final StripeInvoiceSync sync;
    private final InvoiceLifecycle lifecycle;
    private final TenantAccess access;
    private final Clock clock;
    private final JsonMapper json;

    StripeWebhookController(StripeProperties properties, StripeInvoiceSync sync, InvoiceLifecycle lifecycle,
                            TenantAccess access, Clock clock, JsonMapper json) {
        this.json = json;
        this.properties = properties;
        this.sync = sync;
        this.lifecycle = lifecycle;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/invoices/{id}/stripe")
    InvoiceDetails push(@PathVariable UUID id) {
        access.requireFinance();
        return sync.push(id);
    }

    /** Whether invoices can be pushed to Stripe at all, so a screen offers the push only where it works. */
    @GetMapping("/stripe")
    Map<String, Boolean> status() {
        return Map.of("enabled", properties.enabled());
    }

    @PostMapping("/stripe/webhook")
    Map<String, Object> webhook(@RequestBody String payload,
                                @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        if (properties.webhookSecret().isBlank()) {
            throw new BillingException(ErrorCode.STRIPE_NOT_CONFIGURED, "No Stripe webhook secret is configured");
        }
        try {
            Webhook.constructEvent(payload, signature == null ? "" : signature, properties.webhookSecret(),
                    properties.webhookToleranceSeconds(), clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            throw new BillingException(ErrorCode.STRIPE_SIGNATURE_INVALID, "The Stripe signature does not verify");
        }
        JsonNode event = json.readTree(payload);
        String type = event.path("type").asString("");
        if (!PAID_EVENTS.contains(type)) {
            return Map.of("received", true, "handled", false);
        }
        String stripeInvoiceId = event.path("data").path("object").path("id").asString("");
        return Map.of("received", true, "handled", lifecycle.markPaidInStripe(stripeInvoiceId));
    }
}
