package io.tollgate.model.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class AppPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    AppRepository apps;

    @Test
    void an_app_round_trips_and_lists_active_apps_first_by_name_regardless_of_case() {
        UUID tenant = tenants.newTenant();
        tenants.actingFor(tenant, () -> apps.save(new App("aardvark", "", NOW)).getId());
        UUID archived = tenants.actingFor(tenant, () -> apps.findAllForListing().getFirst().getId());
        tenants.actingFor(tenant, () -> {
            apps.findById(archived).orElseThrow().archive(NOW.plusSeconds(1));
            return apps.save(new App("Zebra", "", NOW));
        });
        App saved = tenants.actingFor(tenant, () -> {
            App app = apps.save(new App("bot", "Answers tickets", NOW));
            app.changeCache(true, true, NOW.plusSeconds(2));
            return app;
        });

        App loaded = tenants.actingFor(tenant, () -> apps.findById(saved.getId()).orElseThrow());

        assertThat(loaded).usingRecursiveComparison().ignoringFields("tenantId").isEqualTo(saved);
        assertThat(loaded.getTenantId()).isEqualTo(tenant);
        assertThat(loaded.isCacheNondeterministic()).isTrue();
        assertThat(tenants.actingFor(tenant, apps::findAllForListing)).extracting(App::getName)
                .containsExactly("bot", "Zebra", "aardvark");
    }

    @Test
    void a_stale_edit_is_refused_instead_of_overwriting() {
        UUID tenant = tenants.newTenant();
        App saved = tenants.actingFor(tenant, () -> apps.save(new App("app-" + UUID.randomUUID(), "", NOW)));
        App firstEditor = tenants.actingFor(tenant, () -> apps.findById(saved.getId()).orElseThrow());
        App secondEditor = tenants.actingFor(tenant, () -> apps.findById(saved.getId()).orElseThrow());

        firstEditor.describe("renamed by the first", "", NOW);
        tenants.actingFor(tenant, () -> apps.save(firstEditor));
        secondEditor.describe("renamed by the second", "", NOW);

        assertThatThrownBy(() -> tenants.actingFor(tenant, () -> apps.save(secondEditor)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        App stored = tenants.actingFor(tenant, () -> apps.findById(saved.getId()).orElseThrow());
        assertThat(stored.getName()).isEqualTo("renamed by the first");
        assertThat(stored.getVersion()).isEqualTo(1);
    }
}
