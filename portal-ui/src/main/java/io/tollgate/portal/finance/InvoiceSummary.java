package io.tollgate.portal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as finance lists it; the number exists once the invoice is finalized, the void reason once finance
 * voided it with one.
 */
public record InvoiceSummary(UUID id, String tenant, @Nullable String number, LocalDate periodStart,
                             LocalDate periodEnd, String status, BigDecimal subtotalUsd, BigDecimal totalUsd,
                             @Nullable Instant finalizedAt, @Nullable Instant paidAt, @Nullable String voidReason) {

    public String label() {
        return number == null ? "Draft" : number;
    }

    /** The period's end is exclusive (the first day of the next month). */
    public LocalDate periodLastDay() {
        return periodEnd.minusDays(1);
    }
}
