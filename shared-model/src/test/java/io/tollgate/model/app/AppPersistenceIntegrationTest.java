package io.tollgate.model.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import org.junit.jupiter.api.Test;

class AppPersistenceIntegrationTest extends PersistenceTestBase {

    @Test
    void an_app_round_trips() {
        Tenant tenant = tenant();
        App app = app(tenant);
        app.describe("Support bot", "Answers tickets", NOW);
        app.changeCacheEnabled(true, NOW);
        app.archive(NOW);
        flushAndClear();

        App loaded = apps.findByTenantIdAndId(tenant.getId(), app.getId()).orElseThrow();

        assertSameState(loaded, app);
        assertThat(loaded.getStatus()).isEqualTo(AppStatus.ARCHIVED);
        assertThat(apps.findAllByTenantIdOrderByName(tenant.getId())).extracting(App::getName).containsExactly("Support bot");
    }
}
