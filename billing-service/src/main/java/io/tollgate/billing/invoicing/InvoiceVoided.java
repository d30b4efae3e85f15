package io.tollgate.billing.invoicing;

import java.util.UUID;

/** Published in the transaction that voids an invoice, for whatever holds a copy of it (Stripe). */
public record InvoiceVoided(UUID invoiceId) {
}
