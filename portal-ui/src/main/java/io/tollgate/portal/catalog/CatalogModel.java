package io.tollgate.portal.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A model as tenants see it, with today's price per million tokens (null when none is set yet). */
public record CatalogModel(UUID id, String name, String displayName, String description, List<String> capabilities,
                           int contextWindow, boolean requiresApproval, @Nullable BigDecimal inputPerMillion,
                           @Nullable BigDecimal outputPerMillion, @Nullable BigDecimal cachedInputPerMillion) {
}
