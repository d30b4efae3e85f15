package io.tollgate.billing.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as finance reads and exports it, with its lines and its tenant's names (what changes an invoice is the
 * entity {@link io.tollgate.model.invoice.Invoice}). {@code billingEmails} are the tenant's billing contacts, first
 * added first; {@code periodEnd} is exclusive (the first day of the next month); {@code meteredCostUsd} is the
 * exact, unrounded cost of the usage it bills; {@code voidReason} is why finance voided it, when it said.
 */
public record InvoiceDetails(UUID id, UUID tenantId, String tenantSlug, String tenantName, List<String> billingEmails,
                             @Nullable String number, LocalDate periodStart, LocalDate periodEnd, String status,
                             String currency, BigDecimal meteredCostUsd, BigDecimal markupPercent,
                             BigDecimal subtotalUsd, BigDecimal totalUsd, @Nullable OffsetDateTime finalizedAt,
                             @Nullable OffsetDateTime paidAt,
                             @Nullable OffsetDateTime voidedAt, @Nullable String voidReason,
                             @Nullable String stripeInvoiceId, List<Line> lines) {

    public record Line(UUID id, int lineNo, String kind, String description, @Nullable UUID appId,
                       @Nullable String model, long requests, long promptTokens, long completionTokens,
                       long cachedTokens, long reasoningTokens, BigDecimal meteredCostUsd, BigDecimal amountUsd) {
    }

    public LocalDate periodLastDay() {
        return periodEnd.minusDays(1);
    }

    InvoiceDetails withLines(List<Line> newLines) {
        return new InvoiceDetails(id, tenantId, tenantSlug, tenantName, billingEmails, number, periodStart, periodEnd,
                status, currency, meteredCostUsd, markupPercent, subtotalUsd, totalUsd, finalizedAt, paidAt, voidedAt,
                voidReason, stripeInvoiceId, List.copyOf(newLines));
    }
}
