package io.tollgate.portal.finance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One line of an invoice as the portal shows and exports it, every digit kept. */
public record InvoiceLineSummary(int lineNo, String kind, String description, @Nullable String model, long requests,
                                 long promptTokens, long completionTokens, BigDecimal meteredUsd,
                                 BigDecimal amountUsd) {
}
