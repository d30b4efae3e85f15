package io.tollgate.portal.finance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

public record InvoiceLine(int lineNo, String kind, String description, @Nullable String model, long requests,
                          long promptTokens, long completionTokens, BigDecimal meteredUsd, BigDecimal amountUsd) {
}
