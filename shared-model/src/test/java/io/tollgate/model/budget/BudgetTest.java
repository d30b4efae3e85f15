package io.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456789Z");

    @Test
    void a_change_replaces_the_terms_and_keeps_the_budget() {
        Budget budget = new Budget(new BudgetTerms(BudgetScope.TENANT, null, null, BudgetPeriod.MONTH,
                new BigDecimal("100"), List.of(50, 80, 100), BudgetAction.BLOCK, null), NOW);
        UUID app = UUID.randomUUID();
        UUID cheaper = UUID.randomUUID();
        BudgetTerms changed = new BudgetTerms(BudgetScope.APP, app, null, BudgetPeriod.DAY, new BigDecimal("5.5"),
                List.of(90), BudgetAction.DOWNGRADE, cheaper);

        budget.change(changed, NOW.plusSeconds(60));

        assertThat(budget.getTerms()).isEqualTo(changed);
        assertThat(budget).extracting("updatedAt").isEqualTo(Instant.parse("2026-12-04T17:01:00.123456Z"));
        assertThat(budget).extracting("createdAt").isEqualTo(Instant.parse("2026-12-04T17:00:00.123456Z"));
    }
}
