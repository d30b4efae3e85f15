package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.budget.BudgetSpendWriter.SpendTarget;
import io.tollgate.gateway.metering.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BudgetSpendWriterTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID APP = UUID.randomUUID();
    private static final UUID OTHER_APP = UUID.randomUUID();

    @Test
    void a_batchs_costs_are_summed_exactly_per_tenant_app_model_and_utc_day() {
        var costs = BudgetSpendWriter.costsByDay(List.of(
                event(APP, "gpt-4o", "2026-12-04T00:00:00Z", "0.000000000000001"),
                event(APP, "gpt-4o", "2026-12-04T23:59:59.999Z", "0.123456789012345"),
                event(APP, "gpt-4o", "2026-12-05T00:00:00Z", "0.5"),
                event(APP, null, "2026-12-04T10:00:00Z", "0.25"),
                event(OTHER_APP, "gpt-4o", "2026-12-04T10:00:00Z", "1"),
                event(APP, "gpt-4o", "2026-12-04T12:00:00Z", "0")));

        assertThat(costs).containsExactly(
                entry(APP, "gpt-4o", "2026-12-04", "0.123456789012346"),
                entry(APP, "gpt-4o", "2026-12-05", "0.5"),
                entry(APP, null, "2026-12-04", "0.25"),
                entry(OTHER_APP, "gpt-4o", "2026-12-04", "1"));
    }

    @Test
    void a_batch_without_cost_books_nothing() {
        assertThat(BudgetSpendWriter.costsByDay(List.of(event(APP, "gpt-4o", "2026-12-04T10:00:00Z", "0")))).isEmpty();
    }

    private static java.util.Map.Entry<SpendTarget, BigDecimal> entry(UUID app, @Nullable String model, String day,
                                                                       String cost) {
        return java.util.Map.entry(new SpendTarget(TENANT, app, model, LocalDate.parse(day)), new BigDecimal(cost));
    }

    private static UsageEvent event(UUID app, @Nullable String model, String at, String cost) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse(at), TENANT, app, UUID.randomUUID(), "chat",
                "gpt-4o", model, null, null, null, null, 10, 5, 0, 0, false, new BigDecimal(cost), 12, null, 200,
                null, false, "");
    }
}
