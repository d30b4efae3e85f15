package io.tollgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.portal.admin.audit.AuditQueryService;
import io.tollgate.portal.admin.models.ModelAdminService;
import io.tollgate.portal.admin.models.ModelDraft;
import io.tollgate.portal.admin.models.PriceDraft;
import io.tollgate.portal.admin.plans.PlanAdminService;
import io.tollgate.portal.admin.providers.ProviderAdminService;
import io.tollgate.portal.admin.providers.ProviderDraft;
import io.tollgate.portal.admin.tenants.TenantAdminService;
import io.tollgate.portal.admin.tenants.TenantCeilings;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class PlatformAdministrationIntegrationTest {

    @Autowired
    TenantAdminService tenants;
    @Autowired
    PlanAdminService plans;
    @Autowired
    ModelAdminService models;
    @Autowired
    ProviderAdminService providers;
    @Autowired
    AuditQueryService audit;
    @Autowired
    CredentialCipher cipher;
    @Autowired
    JdbcClient jdbc;

    PortalUser tenantAdmin;
    PortalUser platformAdmin;

    @BeforeEach
    void setUp() {
        tenantAdmin = new Tenants(jdbc).newTenantMember("ADMIN");
        platformAdmin = new Tenants(jdbc).newPlatformUser("ADMIN");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void tenant_administrators_reach_none_of_the_platform_services() {
        Tenants.signIn(tenantAdmin);
        assertThatThrownBy(() -> tenants.list("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.setStatus(tenantAdmin.tenantId(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tenants.setCeilings(tenantAdmin.tenantId(), 0, TenantCeilings.none()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(plans::list).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> models.create(ModelDraft.empty())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(providers::list).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.latest("")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void finance_staff_are_not_platform_administrators() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));
        assertThatThrownBy(() -> tenants.list("")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_tenant_list_shows_this_months_exact_spend() {
        for (String cost : new String[] {"0.000000000000001", "2.5"}) {
            jdbc.sql("""
                            insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint,
                                requested_model, cost_usd, latency_ms, status_code)
                            values (?, now(), ?, ?, ?, 'CHAT', 'm', ?::numeric, 1, 200)""")
                    .params(UUID.randomUUID(), tenantAdmin.tenantId(), UUID.randomUUID(), UUID.randomUUID(), cost)
                    .update();
        }
        Tenants.signIn(platformAdmin);

        assertThat(tenants.list(tenantAdmin.tenantName())).singleElement()
                .satisfies(row -> assertThat(row.spendThisMonth()).isEqualByComparingTo("2.500000000000001"));
    }

    @Test
    void tenant_ceilings_are_stored_for_the_gateway_audited_and_cleared() {
        Tenants.signIn(platformAdmin);
        var ceilings = new TenantCeilings(120, null, 50_000L, null, 4);

        tenants.setCeilings(tenantAdmin.tenantId(), version(), ceilings);

        assertThat(ceilings()).isEqualTo(ceilings);
        assertThat(jdbc.sql("select requests_per_minute, tokens_per_minute, max_concurrent_requests, requests_per_hour "
                        + "from tenant_limits where tenant_id = ?").param(tenantAdmin.tenantId()).query().singleRow())
                .containsEntry("requests_per_minute", 120).containsEntry("tokens_per_minute", 50_000L)
                .containsEntry("max_concurrent_requests", 4).containsEntry("requests_per_hour", null);
        assertThat(audit.latest(platformAdmin.email()))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("tenant.ceilings.change"));

        assertThatThrownBy(() -> tenants.setCeilings(tenantAdmin.tenantId(), version() - 1, TenantCeilings.none()))
                .as("a change made on an older version").isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> tenants.setCeilings(tenantAdmin.tenantId(), version(),
                new TenantCeilings(0, null, null, null, null))).isInstanceOf(PortalException.class);
        tenants.setCeilings(tenantAdmin.tenantId(), version(), TenantCeilings.none());

        assertThat(jdbc.sql("select count(*) from tenant_limits where tenant_id = ?").param(tenantAdmin.tenantId())
                .query(Long.class).single()).isZero();
        assertThat(ceilings()).isEqualTo(TenantCeilings.none());
    }

    private long version() {
        return tenants.ceilings(tenantAdmin.tenantId()).orElseThrow().version();
    }

    private TenantCeilings ceilings() {
        return tenants.ceilings(tenantAdmin.tenantId()).orElseThrow().ceilings();
    }

    @Test
    void suspending_a_tenant_is_audited_with_the_actor() {
        Tenants.signIn(platformAdmin);
        tenants.setStatus(tenantAdmin.tenantId(), true);

        assertThat(jdbc.sql("select status from tenants where id = ?").param(tenantAdmin.tenantId())
                .query(String.class).single()).isEqualTo("SUSPENDED");
        assertThat(audit.latest(platformAdmin.email())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("tenant.suspend");
            assertThat(entry.tenant()).isEqualTo(tenantAdmin.tenantName());
        });
    }

    @Test
    void a_new_price_cannot_start_in_the_past_and_older_prices_stay_untouched() {
        Tenants.signIn(platformAdmin);
        UUID modelId = models.create(new ModelDraft("priced-" + UUID.randomUUID().toString().substring(0, 8),
                "Priced", "", "chat", 8192, null, false, "ACTIVE"));
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        models.addPrice(modelId, new PriceDraft(soon, new BigDecimal("0.15"), new BigDecimal("0.60"),
                new BigDecimal("0.075"), null, new BigDecimal("0.1875")));

        assertThatThrownBy(() -> models.addPrice(modelId, new PriceDraft(Instant.now().minus(Duration.ofDays(1)),
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, null, null)))
                .isInstanceOf(PortalException.class).hasMessageContaining("past costs");
        models.addPrice(modelId, new PriceDraft(soon.plus(Duration.ofDays(30)), new BigDecimal("0.10"),
                new BigDecimal("0.40"), new BigDecimal("0.05"), null, null));

        assertThat(models.prices(modelId)).hasSize(2).last()
                .satisfies(p -> assertThat(p.draft().inputPerMillion()).isEqualByComparingTo("0.15"))
                .satisfies(p -> assertThat(p.draft().cacheWriteInputPerMillion()).isEqualByComparingTo("0.1875"));
        assertThat(models.prices(modelId).getFirst().draft().cacheWriteInputPerMillion()).isNull();
    }

    @Test
    void provider_credentials_are_stored_encrypted_for_the_gateway_and_never_listed() {
        Tenants.signIn(platformAdmin);
        UUID providerId = providers.save(null, new ProviderDraft("openai-" + UUID.randomUUID(), "OPENAI",
                "https://api.openai.example/v1", true, null, true, null, null, null), "sk-secret-value");

        var stored = jdbc.sql("select credential_ciphertext, credential_key_id from providers where id = ?")
                .param(providerId).query((rs, n) -> new EncryptedSecret(rs.getBytes(1), rs.getString(2))).single();
        assertThat(new String(stored.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("sk-secret-value");
        assertThat(cipher.decrypt(stored, providerId.toString())).isEqualTo("sk-secret-value");
        assertThat(providers.list()).filteredOn(p -> p.id().equals(providerId)).singleElement()
                .satisfies(p -> assertThat(p.toString()).doesNotContain("sk-secret-value"));

        providers.save(providerId, new ProviderDraft("renamed-" + providerId, "OPENAI", null, true, null, true, null, null, null), "");
        var kept = jdbc.sql("select credential_ciphertext, credential_key_id from providers where id = ?")
                .param(providerId).query((rs, n) -> new EncryptedSecret(rs.getBytes(1), rs.getString(2))).single();
        assertThat(kept).isEqualTo(stored);
    }

    @Test
    void a_bedrock_provider_keeps_its_region_in_the_settings_the_gateway_reads_and_its_access_keys_encrypted() {
        Tenants.signIn(platformAdmin);
        String keys = "{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\"}";
        UUID providerId = providers.save(null, new ProviderDraft("bedrock-" + UUID.randomUUID(), "BEDROCK", null, true,
                "eu-central-1", true, null, null, null), keys);

        var stored = jdbc.sql("select settings::text, credential_ciphertext, credential_key_id from providers where id = ?")
                .param(providerId).query((rs, n) -> new Object[] {rs.getString(1),
                        new EncryptedSecret(rs.getBytes(2), rs.getString(3))}).single();
        assertThat(stored[0]).isEqualTo("{\"region\": \"eu-central-1\"}");
        assertThat(cipher.decrypt((EncryptedSecret) stored[1], providerId.toString())).isEqualTo(keys);
        assertThat(providers.list()).filteredOn(p -> p.id().equals(providerId)).singleElement()
                .satisfies(p -> assertThat(p.draft().region()).isEqualTo("eu-central-1"));
        assertThatThrownBy(() -> providers.save(providerId, new ProviderDraft("bedrock-" + providerId, "BEDROCK", null,
                true, null, true, null, null, null), "")).isInstanceOf(PortalException.class).hasMessageContaining("AWS region");

        providers.save(providerId, new ProviderDraft("openai-" + providerId, "OPENAI", null, true, null, true, null, null, null), "");
        assertThat(jdbc.sql("select settings::text from providers where id = ?").param(providerId).query(String.class)
                .single()).isEqualTo("{}");
    }
}
