package io.tollgate.model.invoice;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/** An invoice was asked to move to a status its current status cannot reach. */
@NullMarked
public class IllegalInvoiceTransitionException extends IllegalStateException {

    private final InvoiceStatus from;
    private final InvoiceStatus to;

    public IllegalInvoiceTransitionException(UUID invoiceId, InvoiceStatus from, InvoiceStatus to) {
        super("Invoice " + invoiceId + " is " + from + "; this needs it to be "
                + Objects.requireNonNullElse(to.reachedFrom(), "new"));
        this.from = from;
        this.to = to;
    }

    public InvoiceStatus from() {
        return from;
    }

    public InvoiceStatus to() {
        return to;
    }
}
