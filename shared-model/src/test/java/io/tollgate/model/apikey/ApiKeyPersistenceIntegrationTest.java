package io.tollgate.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class ApiKeyPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    AppRepository apps;
    @Autowired
    ApiKeyRepository keys;
    @Autowired
    ApiKeyGenerator generator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_key_is_stored_as_prefix_and_hash_and_rotation_and_revocation_persist() {
        UUID tenant = tenants.newTenant();
        UUID app = tenants.actingFor(tenant, () -> apps.save(new App("app", "", NOW))).getId();
        GeneratedApiKey generated = generator.generate();
        ApiKey old = tenants.actingFor(tenant, () -> keys.save(ApiKey.issue(app, "ci", generated, null, null, NOW)));

        ApiKey successor = tenants.actingFor(tenant, () -> {
            ApiKey locked = keys.findActiveForUpdate(old.getId()).orElseThrow();
            return keys.save(locked.rotate(generator.generate(), NOW.plus(Duration.ofHours(1)), null, NOW));
        });
        tenants.actingFor(tenant, () -> {
            keys.findActiveForUpdate(successor.getId()).orElseThrow().revoke(NOW.plusSeconds(5));
            return null;
        });

        ApiKey loadedOld = tenants.actingFor(tenant, () -> keys.findById(old.getId()).orElseThrow());
        assertThat(loadedOld.getPrefix()).isEqualTo(generated.prefix());
        assertThat(loadedOld.getSecretHash()).isEqualTo(generated.hash());
        assertThat(loadedOld.getExpiresAt()).contains(NOW.plus(Duration.ofHours(1)));
        ApiKey loadedSuccessor = tenants.actingFor(tenant, () -> keys.findById(successor.getId()).orElseThrow());
        assertThat(loadedSuccessor.getRotatedFrom()).contains(old.getId());
        assertThat(loadedSuccessor.getStatus()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(loadedSuccessor.getRevokedAt()).contains(NOW.plusSeconds(5));
        assertThat(tenants.actingFor(tenant, () -> keys.findActiveForUpdate(successor.getId()))).isEmpty();
    }

    @Test
    void the_key_list_shows_each_key_s_last_use_newest_key_first() {
        UUID tenant = tenants.newTenant();
        UUID app = tenants.actingFor(tenant, () -> apps.save(new App("app", "", NOW))).getId();
        ApiKey used = tenants.actingFor(tenant, () ->
                keys.save(ApiKey.issue(app, "used", generator.generate(), null, null, NOW)));
        ApiKey unused = tenants.actingFor(tenant, () ->
                keys.save(ApiKey.issue(app, "unused", generator.generate(), null, null, NOW.plusSeconds(1))));
        jdbc.sql("insert into api_key_usage (api_key_id, last_used_at) values (?, ?)")
                .params(used.getId(), java.sql.Timestamp.from(NOW.plusSeconds(30))).update();

        var listed = tenants.actingFor(tenant, () -> keys.findAllListedByAppId(app));

        assertThat(listed).extracting(key -> key.key().getId()).containsExactly(unused.getId(), used.getId());
        assertThat(listed).extracting(ListedApiKey::lastUsedAt).containsExactly(null, NOW.plusSeconds(30));
    }
}
