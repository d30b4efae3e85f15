package io.tollgate.model.invoice;

public enum InvoiceLineKind {
    USAGE,
    ADJUSTMENT,
    MARKUP,
    DISCOUNT
}
