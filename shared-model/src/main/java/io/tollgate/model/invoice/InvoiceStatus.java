package io.tollgate.model.invoice;

/** DRAFT -> FINALIZED -> PAID; a DRAFT or FINALIZED invoice may be voided. */
public enum InvoiceStatus {
    DRAFT,
    FINALIZED,
    PAID,
    VOID
}
