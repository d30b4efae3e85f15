package io.tollgate.billing.markup;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's markup (positive) or discount (negative) in percent of the metered cost: its own when set, else its
 * plan's.
 */
public record Markup(UUID tenantId, UUID planId, BigDecimal planPercent, @Nullable BigDecimal tenantPercent) {

    public BigDecimal effectivePercent() {
        return tenantPercent != null ? tenantPercent : planPercent;
    }
}
