package io.tollgate.billing.rollup;

import java.time.OffsetDateTime;

/** One step of the rollup: the events ingested in [from, to) were folded into usage_daily. */
public record RollupResult(OffsetDateTime from, OffsetDateTime to, long events, boolean caughtUp) {
}
