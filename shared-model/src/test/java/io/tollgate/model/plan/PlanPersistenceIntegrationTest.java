package io.tollgate.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class PlanPersistenceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions sessions;
    @Autowired
    PlanRepository plans;

    @Test
    void a_plan_round_trips_exactly_and_lists_unlimited_tiers_last() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        PlanLimits limits = PlanLimits.ofNullable(1, 2, 3L, 4L, 5, 6);
        Plan saved = sessions.actingForNoTenant(() -> plans.saveAndFlush(new Plan(code, "Tiny", limits,
                new BigDecimal("-2.5"), new BigDecimal("0.125000001"), NOW)));

        Plan loaded = sessions.actingForNoTenant(() -> plans.findById(saved.getId()).orElseThrow());

        assertThat(loaded).usingRecursiveComparison().isEqualTo(saved);
        assertThat(loaded.limits()).isEqualTo(limits);
        assertThat(sessions.actingForNoTenant(plans::findAllForListing)).extracting(Plan::getCode)
                .containsSubsequence(code, "free", "basic", "pro", "enterprise");
        assertThat(sessions.actingForNoTenant(() -> plans.existsByCode(code))).isTrue();
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting() {
        String code = "s-" + UUID.randomUUID().toString().substring(0, 8);
        Plan saved = sessions.actingForNoTenant(() -> plans.saveAndFlush(new Plan(code, "Stale", PlanLimits.unlimited(),
                BigDecimal.ZERO, BigDecimal.ZERO, NOW)));
        Plan first = sessions.actingForNoTenant(() -> plans.findById(saved.getId()).orElseThrow());
        Plan second = sessions.actingForNoTenant(() -> plans.findById(saved.getId()).orElseThrow());

        first.change("By the first", PlanLimits.unlimited(), BigDecimal.ONE, BigDecimal.ZERO, NOW);
        sessions.actingForNoTenant(() -> plans.saveAndFlush(first));
        second.change("By the second", PlanLimits.unlimited(), BigDecimal.TEN, BigDecimal.ZERO, NOW);

        assertThatThrownBy(() -> sessions.actingForNoTenant(() -> plans.saveAndFlush(second)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(sessions.actingForNoTenant(() -> plans.findById(saved.getId()).orElseThrow()).getName())
                .isEqualTo("By the first");
    }
}
