package io.tollgate.model.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.apikey.ApiKey;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyRepository;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.model.subscription.Subscription;
import io.tollgate.model.subscription.SubscriptionRepository;
import io.tollgate.model.subscription.SubscriptionStatus;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Hibernate's tenant discriminator on the real schema: a repository query issued in tenant A's session cannot return
 * tenant B's rows, whether it is asked for B's row ids or names B's tenant id outright.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class TenantIdIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    AppRepository apps;
    @Autowired
    ApiKeyRepository keys;
    @Autowired
    AppsByTenantColumn appsByTenantColumn;
    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    PlatformScope platform;
    @Autowired
    ApiKeyGenerator generator;
    @Autowired
    JdbcClient jdbc;

    UUID tenantA;
    UUID tenantB;
    App appOfB;
    ApiKey keyOfB;
    Subscription subscriptionOfB;

    @BeforeEach
    void tenantBOwnsAnAppWithAKey() {
        tenantA = tenants.newTenant();
        tenantB = tenants.newTenant();
        appOfB = tenants.actingFor(tenantB, () -> apps.save(new App("app-" + UUID.randomUUID(), "B's", NOW)));
        keyOfB = tenants.actingFor(tenantB, () ->
                keys.save(ApiKey.issue(appOfB.getId(), "ci", generator.generate(), null, null, NOW)));
        UUID model = tenants.newModel();
        subscriptionOfB = tenants.actingFor(tenantB, () ->
                subscriptions.save(Subscription.request(appOfB.getId(), model, "", null, true, NOW)));
    }

    @Test
    void a_new_row_gets_the_tenant_of_the_session_that_saves_it() {
        assertThat(tenantColumn("apps", appOfB.getId())).isEqualTo(tenantB);
        assertThat(tenantColumn("api_keys", keyOfB.getId())).isEqualTo(tenantB);
        assertThat(tenantColumn("subscriptions", subscriptionOfB.getId())).isEqualTo(tenantB);
    }

    @Test
    void the_owning_tenant_finds_its_rows_through_every_query() {
        tenants.actingFor(tenantB, () -> {
            assertThat(apps.findById(appOfB.getId())).isPresent();
            assertThat(apps.findAllForListing()).extracting(App::getId).containsExactly(appOfB.getId());
            assertThat(apps.existsByName(appOfB.getName())).isTrue();
            assertThat(appsByTenantColumn.findAllByTenantId(tenantB)).hasSize(1);
            assertThat(keys.findById(keyOfB.getId())).isPresent();
            assertThat(keys.findActiveForUpdate(keyOfB.getId())).isPresent();
            assertThat(keys.findAllListedByAppId(appOfB.getId())).hasSize(1);
            assertThat(subscriptions.findByIdForUpdate(subscriptionOfB.getId())).isPresent();
            assertThat(subscriptions.existsByAppIdAndModelIdAndStatusIn(appOfB.getId(), subscriptionOfB.getModelId(),
                    List.of(SubscriptionStatus.PENDING))).isTrue();
            return null;
        });
    }

    @Test
    void tenant_a_asking_with_tenant_b_s_ids_gets_nothing() {
        tenants.actingFor(tenantA, () -> {
            assertThat(apps.findById(appOfB.getId())).isEmpty();
            assertThat(apps.findAllForListing()).isEmpty();
            assertThat(apps.existsByName(appOfB.getName())).isFalse();
            assertThat(apps.existsByNameAndIdNot(appOfB.getName(), UUID.randomUUID())).isFalse();
            assertThat(appsByTenantColumn.findAllByTenantId(tenantB)).as("B's tenant id named outright").isEmpty();
            assertThat(keys.findById(keyOfB.getId())).isEmpty();
            assertThat(keys.findActiveForUpdate(keyOfB.getId())).isEmpty();
            assertThat(keys.findAllListedByAppId(appOfB.getId())).isEmpty();
            assertThat(subscriptions.findById(subscriptionOfB.getId())).isEmpty();
            assertThat(subscriptions.findByIdForUpdate(subscriptionOfB.getId())).isEmpty();
            assertThat(subscriptions.existsByAppIdAndModelIdAndStatusIn(appOfB.getId(), subscriptionOfB.getModelId(),
                    List.of(SubscriptionStatus.PENDING))).isFalse();
            return null;
        });
    }

    @Test
    void the_platform_scope_reads_and_changes_any_tenant_s_row_even_entered_from_a_tenant_s_transaction() {
        UUID admin = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, display_name, platform_role) values (?, ?, 'Admin', 'ADMIN')")
                .params(admin, "admin-" + admin + "@tollgate.test").update();
        AtomicReference<UUID> seenTenant = new AtomicReference<>();
        tenants.actingFor(tenantA, () -> {
            platform.run("approve a subscription of tenant B", () -> {
                Subscription subscription = subscriptions.findByIdForUpdate(subscriptionOfB.getId()).orElseThrow();
                seenTenant.set(subscription.getTenantId());
                subscription.approve(admin, null, null, null, null, NOW);
            });
            assertThat(subscriptions.findById(subscriptionOfB.getId())).as("back in A's session").isEmpty();
            return null;
        });

        assertThat(seenTenant).hasValue(tenantB);
        assertThat(tenantColumn("subscriptions", subscriptionOfB.getId())).isEqualTo(tenantB);
        assertThat(jdbc.sql("select status from subscriptions where id = ?").param(subscriptionOfB.getId())
                .query(String.class).single()).isEqualTo("APPROVED");
    }

    @Test
    void the_platform_scope_entered_from_a_transaction_that_then_fails_changes_nothing() {
        UUID admin = newPlatformAdmin();

        assertThatThrownBy(() -> tenants.actingFor(tenantA, () -> {
            platform.run("approve a subscription of tenant B", () -> subscriptions.findByIdForUpdate(
                    subscriptionOfB.getId()).orElseThrow().approve(admin, null, null, null, null, NOW));
            throw new IllegalStateException("the request fails after its platform-scope work");
        })).hasMessage("the request fails after its platform-scope work");

        assertThat(status(subscriptionOfB.getId())).as("rolled back with the transaction it was entered from")
                .isEqualTo("PENDING");
    }

    @Test
    void a_failure_in_the_platform_scope_rolls_back_the_transaction_it_was_entered_from() {
        UUID admin = newPlatformAdmin();
        App appOfA = tenants.actingFor(tenantA, () -> apps.save(new App("app-" + UUID.randomUUID(), "A's", NOW)));

        assertThatThrownBy(() -> tenants.actingFor(tenantA, () -> {
            apps.findById(appOfA.getId()).orElseThrow().archive(NOW);
            try {
                platform.run("approve a subscription of tenant B, then fail", () -> {
                    subscriptions.findByIdForUpdate(subscriptionOfB.getId()).orElseThrow()
                            .approve(admin, null, null, null, null, NOW);
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException refused) {
                // a caller that goes on still cannot commit half of it
            }
            return null;
        })).isInstanceOf(UnexpectedRollbackException.class);

        assertThat(status(subscriptionOfB.getId())).isEqualTo("PENDING");
        assertThat(jdbc.sql("select status from apps where id = ?").param(appOfA.getId()).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void the_platform_scope_sees_what_the_transaction_it_was_entered_from_saved_so_far() {
        UUID appId = tenants.actingFor(tenantA, () -> {
            App saved = apps.save(new App("app-" + UUID.randomUUID(), "not flushed yet", NOW));
            return platform.call("read tenant A's new app", () -> apps.findById(saved.getId()).orElseThrow().getId());
        });

        assertThat(tenantColumn("apps", appId)).isEqualTo(tenantA);
    }

    @Test
    void tenant_a_cannot_hang_a_key_on_tenant_b_s_app() {
        assertThatThrownBy(() -> tenants.actingFor(tenantA, () ->
                keys.save(ApiKey.issue(appOfB.getId(), "stolen", generator.generate(), null, null, NOW))))
                .as("the key gets A's tenant; the schema refuses an app of another tenant")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_session_acting_for_no_tenant_reads_no_tenant_owned_row_and_writes_none() {
        tenants.actingForNoTenant(() -> {
            assertThat(apps.findById(appOfB.getId())).isEmpty();
            assertThat(appsByTenantColumn.findAllByTenantId(tenantB)).isEmpty();
            assertThat(keys.findById(keyOfB.getId())).isEmpty();
            return null;
        });
        assertThatThrownBy(() -> tenants.actingForNoTenant(() -> apps.save(new App("orphan", "", NOW))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UUID newPlatformAdmin() {
        UUID admin = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, display_name, platform_role) values (?, ?, 'Admin', 'ADMIN')")
                .params(admin, "admin-" + admin + "@tollgate.test").update();
        return admin;
    }

    private String status(UUID subscriptionId) {
        return jdbc.sql("select status from subscriptions where id = ?").param(subscriptionId).query(String.class)
                .single();
    }

    private UUID tenantColumn(String table, UUID id) {
        return jdbc.sql("select tenant_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }
}
