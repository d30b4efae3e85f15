package io.tollgate.portal.usage;

import java.math.BigDecimal;

public record UsageTotals(long requests, long promptTokens, long completionTokens, BigDecimal costUsd) {
}
