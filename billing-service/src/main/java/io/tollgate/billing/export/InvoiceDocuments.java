package io.tollgate.billing.export;

import io.tollgate.billing.invoicing.InvoiceDetails;
import io.tollgate.invoicepdf.InvoiceDocument;

/** An invoice as the PDF document shows it. */
public final class InvoiceDocuments {

    private InvoiceDocuments() {
    }

    public static InvoiceDocument of(InvoiceDetails invoice) {
        return new InvoiceDocument(invoice.number(), invoice.tenantName(), invoice.tenantSlug(),
                invoice.billingEmails(), invoice.periodStart(), invoice.periodLastDay(), invoice.status(),
                invoice.currency(), invoice.meteredCostUsd(), invoice.markupPercent(), invoice.subtotalUsd(),
                invoice.totalUsd(), invoice.lines().stream()
                        .map(line -> new InvoiceDocument.Line(line.lineNo(), line.description(), line.requests(),
                                line.meteredCostUsd(), line.amountUsd()))
                        .toList());
    }
}
