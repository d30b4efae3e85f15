package io.tollgate.gateway.snapshot;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An enabled budget of a tenant: for the whole tenant (no app), one app (no model) or one app and model.
 *
 * @param modelName          the APP_MODEL budget's model, for messages
 * @param downgradeModelName the cheaper model DOWNGRADE serves once the budget is spent
 */
public record BudgetEntry(UUID id, UUID tenantId, @Nullable UUID appId, @Nullable UUID modelId,
                          @Nullable String modelName, Period period, BigDecimal amountUsd, Action action,
                          @Nullable String downgradeModelName) {

    /** What happens to a request once the budget's spend has reached 100 percent. */
    public enum Action {
        BLOCK, DOWNGRADE, ALERT_ONLY
    }

    /** Budget periods in UTC; a period is named by its first day, as in {@code budget_spend.period_start}. */
    public enum Period {
        DAY, WEEK, MONTH;

        public LocalDate start(Instant at) {
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        public LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }

    /** Whether a request of the app for the model counts against this budget. */
    public boolean covers(UUID appId, @Nullable UUID modelId) {
        return (this.appId == null || this.appId.equals(appId)) && (this.modelId == null || this.modelId.equals(modelId));
    }

    public Optional<String> downgradeModel() {
        return Optional.ofNullable(downgradeModelName);
    }
}
