package io.tollgate.portal.usage;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Usage rows from {@code from} to {@code to} (inclusive UTC days), optionally narrowed by app, model, key and tag. */
public record UsageFilter(LocalDate from, LocalDate to, @Nullable UUID appId, @Nullable String model,
                          @Nullable UUID apiKeyId, @Nullable String tag) {
}
