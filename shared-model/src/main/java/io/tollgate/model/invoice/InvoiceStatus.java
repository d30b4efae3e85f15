package io.tollgate.model.invoice;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The life of an invoice: DRAFT -> FINALIZED (issued: numbered, its lines and totals fixed) -> PAID or VOID. PAID and
 * VOID are final; a voided invoice's usage is billed again on a new invoice.
 */
@NullMarked
public enum InvoiceStatus {
    DRAFT,
    FINALIZED,
    PAID,
    VOID;

    /** The one status an invoice must have to move to this one; none for DRAFT, which only a new invoice has. */
    public @Nullable InvoiceStatus reachedFrom() {
        return switch (this) {
            case DRAFT -> null;
            case FINALIZED -> DRAFT;
            case PAID, VOID -> FINALIZED;
        };
    }
}
