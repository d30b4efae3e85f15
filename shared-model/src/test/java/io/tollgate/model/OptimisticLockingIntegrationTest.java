package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.model.plan.PlanRepository;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Two editors of the same row: the second save, based on a stale version, is refused instead of overwriting. */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class OptimisticLockingIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TenantRepository tenants;
    @Autowired
    PlanRepository plans;
    @Autowired
    AppRepository apps;

    @Test
    void a_stale_edit_is_refused() {
        UUID planId = plans.findByCode(PlanRepository.FREE).orElseThrow().getId();
        Tenant tenant = tenants.save(new Tenant("lock-" + UUID.randomUUID().toString().substring(0, 8), "T", planId, NOW));
        App saved = apps.save(new App(tenant.getId(), "app-" + UUID.randomUUID(), "", NOW));
        App firstEditor = load(tenant, saved);
        App secondEditor = load(tenant, saved);

        firstEditor.describe("renamed by the first", "", NOW);
        apps.save(firstEditor);
        secondEditor.describe("renamed by the second", "", NOW);

        assertThatThrownBy(() -> apps.save(secondEditor)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        App stored = load(tenant, saved);
        assertThat(stored.getName()).isEqualTo("renamed by the first");
        assertThat(stored.getVersion()).isEqualTo(1);
    }

    private App load(Tenant tenant, App app) {
        return transactions.execute(status -> apps.findByTenantIdAndId(tenant.getId(), app.getId()).orElseThrow());
    }
}
