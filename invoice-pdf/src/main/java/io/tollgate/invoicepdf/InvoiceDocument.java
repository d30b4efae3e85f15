package io.tollgate.invoicepdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an invoice document shows, whoever prints it. {@code number} is null while the invoice is a draft;
 * {@code billingEmails} are the tenant's billing contacts, first added first; {@code meteredCostUsd} is the exact,
 * unrounded cost of the usage it bills.
 */
public record InvoiceDocument(@Nullable String number, String tenantName, String tenantSlug,
                              List<String> billingEmails, LocalDate periodStart, LocalDate periodLastDay,
                              String status, String currency, BigDecimal meteredCostUsd, BigDecimal markupPercent,
                              BigDecimal subtotalUsd, BigDecimal totalUsd, List<Line> lines) {

    public InvoiceDocument {
        billingEmails = List.copyOf(billingEmails);
        lines = List.copyOf(lines);
    }

    public record Line(int lineNo, String description, long requests, BigDecimal meteredCostUsd,
                       BigDecimal amountUsd) {
    }
}
