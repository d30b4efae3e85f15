package io.tollgate.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.app.App;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ApiKeyPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    ApiKeyRepository keys;
    @Autowired
    ApiKeyUsageRepository usage;
    @Autowired
    ApiKeyGenerator generator;

    @Test
    void a_generated_key_round_trips_and_is_found_by_its_prefix() {
        Tenant tenant = tenant();
        App app = app(tenant);
        GeneratedApiKey generated = generator.generate();
        ApiKey key = keys.save(ApiKey.issue(tenant.getId(), app.getId(), "ci", generated, user().getId(), NOW));
        flushAndClear();

        ApiKey loaded = keys.findByPrefix(generated.prefix()).orElseThrow();

        assertSameState(loaded, key);
        assertThat(loaded.getSecretHash()).hasSize(32).isEqualTo(generated.hash());
        assertThat(loaded.isUsableAt(NOW)).isTrue();
    }

    @Test
    void revocation_and_rotation_persist() {
        Tenant tenant = tenant();
        App app = app(tenant);
        ApiKey old = keys.save(ApiKey.issue(tenant.getId(), app.getId(), "old", generator.generate(), null, NOW));
        ApiKey rotated = ApiKey.issue(tenant.getId(), app.getId(), "new", generator.generate(), null, NOW);
        rotated.rotatedFrom(old.getId(), NOW);
        keys.save(rotated);
        old.expireAt(NOW.plusSeconds(3600), NOW);
        flushAndClear();

        ApiKey loadedOld = keys.findByTenantIdAndId(tenant.getId(), old.getId()).orElseThrow();
        assertThat(loadedOld.isUsableAt(NOW.plusSeconds(3599))).isTrue();
        assertThat(loadedOld.isUsableAt(NOW.plusSeconds(3600))).isFalse();
        assertThat(keys.findByTenantIdAndId(tenant.getId(), rotated.getId()).orElseThrow().getRotatedFrom())
                .contains(old.getId());

        loadedOld.revoke(NOW.plusSeconds(10));
        flushAndClear();

        ApiKey revoked = keys.findByTenantIdAndId(tenant.getId(), old.getId()).orElseThrow();
        assertThat(revoked.getStatus()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(revoked.getRevokedAt()).contains(NOW.plusSeconds(10));
        assertThat(revoked.isUsableAt(NOW.plusSeconds(11))).isFalse();
    }

    @Test
    void key_usage_round_trips_and_only_moves_forward() {
        Tenant tenant = tenant();
        ApiKey key = keys.save(ApiKey.issue(tenant.getId(), app(tenant).getId(), "k", generator.generate(), null, NOW));
        ApiKeyUsage used = usage.save(new ApiKeyUsage(key.getId(), NOW));
        flushAndClear();

        ApiKeyUsage loaded = usage.findByTenantIdAndApiKeyId(tenant.getId(), key.getId()).orElseThrow();
        assertSameState(loaded, used);
        loaded.recordUse(NOW.minusSeconds(5));
        loaded.recordUse(NOW.plusSeconds(5));
        flushAndClear();

        assertThat(usage.findByTenantIdAndApiKeyId(tenant.getId(), key.getId()).orElseThrow().getLastUsedAt())
                .isEqualTo(NOW.plusSeconds(5));
        assertThat(usage.findByTenantIdAndApiKeyId(tenant.getId(), UUID.randomUUID())).isEmpty();
    }
}
