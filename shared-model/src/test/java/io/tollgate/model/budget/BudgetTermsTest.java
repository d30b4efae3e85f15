package io.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetTermsTest {

    private static final UUID APP = UUID.randomUUID();
    private static final UUID MODEL = UUID.randomUUID();

    private static BudgetTerms terms(BudgetScope scope, UUID appId, UUID modelId, String amount, List<Integer> thresholds,
                                     BudgetAction action, UUID downgradeTo) {
        return new BudgetTerms(scope, appId, modelId, BudgetPeriod.MONTH, new BigDecimal(amount), thresholds, action,
                downgradeTo);
    }

    @Test
    void thresholds_are_kept_sorted_and_distinct() {
        BudgetTerms terms = terms(BudgetScope.TENANT, null, null, "100", List.of(100, 50, 80, 50), BudgetAction.BLOCK,
                null);

        assertThat(terms.thresholds()).containsExactly(50, 80, 100);
    }

    @Test
    void each_scope_names_exactly_its_targets() {
        assertThat(terms(BudgetScope.APP_MODEL, APP, MODEL, "1", List.of(100), BudgetAction.BLOCK, null).scope())
                .isEqualTo(BudgetScope.APP_MODEL);
        assertThatThrownBy(() -> terms(BudgetScope.APP, null, null, "1", List.of(100), BudgetAction.BLOCK, null))
                .isInstanceOf(BudgetRuleViolation.class).hasMessage("An app budget names an app and no model");
        assertThatThrownBy(() -> terms(BudgetScope.APP, APP, MODEL, "1", List.of(100), BudgetAction.BLOCK, null))
                .hasMessage("An app budget names an app and no model");
        assertThatThrownBy(() -> terms(BudgetScope.APP_MODEL, APP, null, "1", List.of(100), BudgetAction.BLOCK, null))
                .hasMessage("An app and model budget names both");
        assertThatThrownBy(() -> terms(BudgetScope.TENANT, APP, null, "1", List.of(100), BudgetAction.BLOCK, null))
                .hasMessage("A tenant budget names neither app nor model");
    }

    @Test
    void only_the_downgrade_action_names_a_model_to_downgrade_to() {
        assertThat(terms(BudgetScope.APP, APP, null, "1", List.of(100), BudgetAction.DOWNGRADE, MODEL)
                .downgradeModelId()).isEqualTo(MODEL);
        assertThatThrownBy(() -> terms(BudgetScope.APP, APP, null, "1", List.of(100), BudgetAction.DOWNGRADE, null))
                .hasMessageContaining("downgrade");
        assertThatThrownBy(() -> terms(BudgetScope.APP, APP, null, "1", List.of(100), BudgetAction.BLOCK, MODEL))
                .hasMessageContaining("downgrade");
    }

    @Test
    void the_amount_is_more_than_zero() {
        assertThat(terms(BudgetScope.TENANT, null, null, "0.000000001", List.of(100), BudgetAction.ALERT_ONLY, null)
                .amountUsd()).isEqualByComparingTo("0.000000001");
        assertThatThrownBy(() -> terms(BudgetScope.TENANT, null, null, "0", List.of(100), BudgetAction.BLOCK, null))
                .isInstanceOf(BudgetRuleViolation.class).hasMessage("The amount must be more than zero");
        assertThatThrownBy(() -> terms(BudgetScope.TENANT, null, null, "-5", List.of(100), BudgetAction.BLOCK, null))
                .hasMessage("The amount must be more than zero");
    }

    @Test
    void thresholds_are_one_at_least_each_from_1_to_1000_percent() {
        assertThat(BudgetTerms.thresholds(List.of(1000, 1))).containsExactly(1, 1000);
        assertThatThrownBy(() -> BudgetTerms.thresholds(List.of()))
                .isInstanceOf(BudgetRuleViolation.class).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> BudgetTerms.thresholds(List.of(0, 50))).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> BudgetTerms.thresholds(List.of(50, 1001))).hasMessageContaining("between 1 and 1000");
    }
}
