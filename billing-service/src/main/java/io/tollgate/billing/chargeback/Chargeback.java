package io.tollgate.billing.chargeback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Metered cost of a tenant in [from, to) per app, model and tag set, exact (never rounded: a chargeback is an
 * internal allocation, not an invoice), with the tenant's markup or discount applied.
 */
public record Chargeback(UUID tenantId, String tenantSlug, LocalDate from, LocalDate to, BigDecimal markupPercent,
                         List<Line> lines, Totals totals) {

    public record Line(UUID appId, String appName, String model, String tags, long requests, long errors,
                       long promptTokens, long completionTokens, long cachedTokens, long reasoningTokens,
                       BigDecimal meteredCostUsd, BigDecimal chargedUsd) {
    }

    public record Totals(long requests, long promptTokens, long completionTokens, BigDecimal meteredCostUsd,
                         BigDecimal chargedUsd) {

        static Totals of(List<Line> lines) {
            return new Totals(lines.stream().mapToLong(Line::requests).sum(),
                    lines.stream().mapToLong(Line::promptTokens).sum(),
                    lines.stream().mapToLong(Line::completionTokens).sum(),
                    lines.stream().map(Line::meteredCostUsd).reduce(BigDecimal.ZERO, BigDecimal::add),
                    lines.stream().map(Line::chargedUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
