package io.tollgate.model.usage;

import java.time.LocalDate;
import java.util.UUID;

/** The key of a daily rollup row: tenant, UTC day, app, charged model and canonical tags. */
public record UsageDailyId(UUID tenantId, LocalDate day, UUID appId, String model, String tags) {
}
