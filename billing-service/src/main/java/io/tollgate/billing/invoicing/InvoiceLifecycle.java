package io.tollgate.billing.invoicing;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.error.ErrorCode;
import io.tollgate.model.invoice.IllegalInvoiceTransitionException;
import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceRepository;
import io.tollgate.model.invoice.InvoiceStatus;
import io.tollgate.model.tenancy.PlatformScope;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Moves one invoice on: DRAFT -> FINALIZED (numbered, immutable) -> PAID or VOID, by the {@link Invoice} entity's own
 * methods, each in a platform scope of its own (billing acts for every tenant), the invoice locked until it commits.
 * The database refuses any other change too.
 */
@Service
public class InvoiceLifecycle {

    private final InvoiceRepository invoices;
    private final InvoiceNumbers numbers;
    private final PlatformScope platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceLifecycle(InvoiceRepository invoices, InvoiceNumbers numbers, PlatformScope platform,
                     ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.platform = platform;
        this.events = events;
        this.clock = clock;
    }

    /** @return the number it was issued under */
    public String finalizeInvoice(UUID invoiceId) {
        return inPlatformScope("finalize invoice " + invoiceId, () -> issue(invoiceId));
    }

    /**
     * Issues the invoice in the caller's platform scope (month close finalizes the draft it wrote in its own). The
     * number is taken first, under the year's lock: a refused move rolls the transaction back, and the number with it.
     */
    String issue(UUID invoiceId) {
        Invoice invoice = locked(invoiceId);
        InvoiceNumbers.Numbered numbered = numbers.next(OffsetDateTime.now(clock));
        invoice.issue(numbered.number(), numbered.finalizedAt().toInstant());
        return numbered.number();
    }

    /**
     * Stripe says the copy of one of our invoices was paid.
     *
     * @return whether that marked a finalized invoice paid (an unknown or already settled one is left alone)
     */
    public boolean markPaidInStripe(String stripeInvoiceId) {
        return inPlatformScope("Stripe invoice " + stripeInvoiceId + " was paid", () -> {
            var finalized = invoices.findByStripeInvoiceIdForUpdate(stripeInvoiceId)
                    .filter(invoice -> invoice.getStatus() == InvoiceStatus.FINALIZED);
            finalized.ifPresent(invoice -> invoice.markPaid(clock.instant()));
            return finalized.isPresent();
        });
    }

    /**
     * Voiding releases the usage the invoice consumed: the next month close bills it again. Publishes
     * {@link InvoiceVoided} in the voiding transaction.
     *
     * @param reason why, kept on the invoice (the portal always gives one); null or blank for none
     */
    public void voidInvoice(UUID invoiceId, @Nullable String reason) {
        try {
            Invoice.keptVoidReason(reason);
        } catch (IllegalArgumentException e) {
            throw new BillingException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        inPlatformScope("void invoice " + invoiceId, () -> {
            Invoice invoice = locked(invoiceId);
            invoice.markVoid(reason, clock.instant());
            events.publishEvent(new InvoiceVoided(invoiceId));
            return invoice;
        });
    }

    private Invoice locked(UUID invoiceId) {
        return invoices.findByIdForUpdate(invoiceId)
                .orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId));
    }

    private <T> T inPlatformScope(String reason, Supplier<T> work) {
        try {
            return platform.call(reason, work);
        } catch (IllegalInvoiceTransitionException e) {
            throw new BillingException(ErrorCode.INVALID_INVOICE_STATE, e.getMessage());
        }
    }
}
