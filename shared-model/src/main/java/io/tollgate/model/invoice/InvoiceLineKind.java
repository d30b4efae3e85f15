package io.tollgate.model.invoice;

/** USAGE bills the invoice's month, ADJUSTMENT late usage of an earlier month; MARKUP or DISCOUNT come last. */
public enum InvoiceLineKind {
    USAGE,
    ADJUSTMENT,
    MARKUP,
    DISCOUNT
}
