package io.tollgate.billing.stripe;

import io.tollgate.billing.error.BillingException;
import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceRepository;
import io.tollgate.model.tenancy.PlatformScope;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Records on an invoice what its Stripe copy has become, as the push or the void makes progress, so a retry resumes
 * where the last one stopped. Each record is a platform scope of its own; the push and the void run outside any
 * transaction, so each commits before the next Stripe call.
 */
@Component
class StripeCopies {

    private final InvoiceRepository invoices;
    private final PlatformScope platform;
    private final Clock clock;

    StripeCopies(InvoiceRepository invoices, PlatformScope platform, Clock clock) {
        this.invoices = invoices;
        this.platform = platform;
        this.clock = clock;
    }

    void created(UUID invoiceId, String stripeInvoiceId) {
        record("record the Stripe copy of invoice " + invoiceId,
                invoiceId, invoice -> invoice.recordStripeCopy(stripeInvoiceId, clock.instant()));
    }

    void finalized(UUID invoiceId) {
        record("record that the Stripe copy of invoice " + invoiceId + " is finalized",
                invoiceId, invoice -> invoice.markStripeCopyFinalized(clock.instant()));
    }

    void voided(UUID invoiceId) {
        record("record that the Stripe copy of invoice " + invoiceId + " is voided",
                invoiceId, invoice -> invoice.markStripeCopyVoided(clock.instant()));
    }

    private void record(String reason, UUID invoiceId, Consumer<Invoice> change) {
        platform.run(reason, () -> change.accept(invoices.findByIdForUpdate(invoiceId)
                .orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId))));
    }
}
