package io.tollgate.portal.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.portal.apikeys.ApiKeyService;
import io.tollgate.portal.apikeys.CreatedKey;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class AppAndKeyAuthorizationIntegrationTest {

    @Autowired
    AppService apps;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcClient jdbc;

    PortalUser alice;
    PortalUser mallory;

    @BeforeEach
    void twoTenants() {
        Tenants tenants = new Tenants(jdbc);
        alice = tenants.newTenantMember("DEVELOPER");
        mallory = tenants.newTenantMember("ADMIN");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void another_tenants_app_can_be_neither_seen_nor_renamed_nor_archived() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("billing-bot", "bills"));

        Tenants.signIn(mallory);
        assertThat(apps.list()).extracting(AppSummary::id).doesNotContain(appId);
        assertThat(apps.find(appId)).isEmpty();
        assertThatThrownBy(() -> apps.update(appId, 0, new AppDraft("stolen", ""))).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> apps.archive(appId)).isInstanceOf(PortalException.class);

        Tenants.signIn(alice);
        assertThat(apps.find(appId)).get().extracting(AppSummary::name, AppSummary::status)
                .containsExactly("billing-bot", "ACTIVE");
    }

    @Test
    void only_a_tenant_admin_of_the_apps_tenant_turns_its_response_cache_on() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("answers", ""));
        assertThat(apps.find(appId)).get().extracting(AppSummary::cache).isEqualTo(AppCacheSettings.OFF);
        assertThatThrownBy(() -> apps.changeCache(appId, 0, new AppCacheSettings(true, false)))
                .as("a developer may not").isInstanceOf(AccessDeniedException.class);

        Tenants.signIn(mallory);
        assertThatThrownBy(() -> apps.changeCache(appId, 0, new AppCacheSettings(true, true)))
                .as("another tenant's admin may not").isInstanceOf(PortalException.class);
        UUID own = apps.create(new AppDraft("cached", ""));
        apps.changeCache(own, 0, new AppCacheSettings(true, true));

        assertThat(apps.find(own)).get().extracting(AppSummary::cache).isEqualTo(new AppCacheSettings(true, true));
        assertThat(jdbc.sql("select cache_enabled and cache_nondeterministic from apps where id = ?").param(own)
                .query(Boolean.class).single()).isTrue();
        Tenants.signIn(alice);
        assertThat(apps.find(appId)).get().extracting(AppSummary::cache).isEqualTo(AppCacheSettings.OFF);
    }

    @Test
    void another_tenants_keys_can_be_neither_listed_nor_created_nor_revoked_nor_rotated() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("search", ""));
        CreatedKey key = keys.create(appId, "prod", null);

        Tenants.signIn(mallory);
        assertThat(keys.list(appId)).isEmpty();
        assertThatThrownBy(() -> keys.create(appId, "mine now", null)).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> keys.revoke(key.id())).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> keys.rotate(key.id(), Duration.ZERO)).isInstanceOf(PortalException.class);

        Tenants.signIn(alice);
        assertThat(keys.list(appId)).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo("ACTIVE");
            assertThat(summary.prefix()).isEqualTo(key.prefix());
        });
    }

    @Test
    void a_new_key_is_stored_only_as_prefix_and_hmac_of_the_whole_key() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("hashing", ""));
        CreatedKey key = keys.create(appId, "ci", Instant.now().plus(Duration.ofDays(3)));

        byte[] stored = jdbc.sql("select secret_hash from api_keys where id = ?").param(key.id())
                .query(byte[].class).single();
        var hasher = new ApiKeyHasher(PortalIntegrationTest.API_KEY_SECRET.getBytes(StandardCharsets.UTF_8), "v1");
        assertThat(hasher.verify(key.plaintext(), stored)).isTrue();
        assertThat(key.plaintext()).startsWith(key.prefix()).hasSize(35);
        assertThat(jdbc.sql("select count(*) from api_keys where prefix = ? and name = 'ci'").param(key.prefix())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rotating_keeps_the_old_key_for_the_grace_period_and_links_the_new_one() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("rotation", ""));
        CreatedKey old = keys.create(appId, "main", null);

        CreatedKey fresh = keys.rotate(old.id(), Duration.ofHours(1));

        Instant oldExpiry = jdbc.sql("select expires_at from api_keys where id = ?").param(old.id())
                .query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(oldExpiry).isBetween(Instant.now().plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(jdbc.sql("select rotated_from from api_keys where id = ?").param(fresh.id()).query(UUID.class)
                .single()).isEqualTo(old.id());
        assertThat(keys.list(appId)).hasSize(2).allMatch(summary -> summary.status().equals("ACTIVE"));
    }

    @Test
    void billing_members_may_see_apps_but_not_create_them_or_keys() {
        PortalUser billing = new Tenants(jdbc).newMember(alice.tenantId(), alice.tenantName(), "BILLING");
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("visible", ""));

        Tenants.signIn(billing);
        assertThat(apps.list()).extracting(AppSummary::id).contains(appId);
        assertThatThrownBy(() -> apps.create(new AppDraft("nope", ""))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> keys.create(appId, "nope", null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void every_change_is_written_to_the_audit_log_with_actor_and_tenant() {
        Tenants.signIn(alice);
        UUID appId = apps.create(new AppDraft("audited", ""));
        apps.archive(appId);

        var actions = jdbc.sql("""
                        select action from audit_log where tenant_id = ? and actor_user_id = ? and target_id = ?
                        order by id""")
                .params(alice.tenantId(), alice.userId(), appId.toString()).query(String.class).list();
        assertThat(actions).containsExactly("app.create", "app.archive");
    }
}
