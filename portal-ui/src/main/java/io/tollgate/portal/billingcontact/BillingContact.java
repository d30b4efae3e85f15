package io.tollgate.portal.billingcontact;

import java.time.Instant;
import java.util.UUID;

/** One address billing e-mails budget alerts to and invoices name. */
public record BillingContact(UUID id, String email, Instant createdAt) {
}
