package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.ManagementApiIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's ceilings (platform ADMIN) over real HTTP, through the service the Tenants screen uses: versioned with
 * ETags and audited with the token ({@link BillingContactsApiIntegrationTest} covers the tenant's billing contacts).
 */
class TenantSettingsApiIntegrationTest extends ManagementApiIntegrationTest {

    PortalUser adminOfA;
    String platformToken;

    @BeforeEach
    void twoTenantsAndThePlatform() {
        adminOfA = tenants.newTenantMember("ADMIN");
        platformToken = tokens.platformToken(tenants.newPlatformUser("ADMIN"), "ADMIN");
    }

    @Test
    void the_platform_sets_a_tenants_ceilings_under_its_etag_and_the_gateways_table_holds_them() {
        String path = "/api/v1/tenants/" + adminOfA.tenantId() + "/ceilings";
        Reply none = api.get(platformToken, path);
        assertThat(none.status()).as("%s", none).isEqualTo(200);
        assertThat(none.json().path("requests_per_minute").isNull()).isTrue();

        Reply set = put(platformToken, path, none.header("ETag"),
                "{\"requests_per_minute\": 120, \"tokens_per_day\": 5000000000, \"max_concurrent_requests\": 4}");

        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(set.header("ETag")).isNotEqualTo(none.header("ETag"));
        assertThat(set.json().path("tokens_per_day").asLong()).isEqualTo(5_000_000_000L);
        assertThat(jdbc.sql("""
                        select requests_per_minute, requests_per_hour, tokens_per_day, max_concurrent_requests
                        from tenant_limits where tenant_id = ?""").param(adminOfA.tenantId()).query().singleRow())
                .containsEntry("requests_per_minute", 120).containsEntry("requests_per_hour", null)
                .containsEntry("tokens_per_day", 5_000_000_000L).containsEntry("max_concurrent_requests", 4);
        assertThat(auditedTokenPrefix("tenant.ceilings.change", adminOfA.tenantId()))
                .isEqualTo(platformToken.substring(0, 12));

        Reply stale = put(platformToken, path, none.header("ETag"), "{\"requests_per_minute\": 1}");
        assertThat(stale.status()).as("a change on the version read before").isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(put(platformToken, path, null, "{}").status()).isEqualTo(428);
        Reply zero = put(platformToken, path, set.header("ETag"), "{\"requests_per_minute\": 0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("detail").asString()).contains("above zero");
        assertThat(api.get(platformToken, path).json().path("requests_per_minute").asInt()).isEqualTo(120);

        Reply cleared = put(platformToken, path, set.header("ETag"), "{}");
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from tenant_limits where tenant_id = ?").param(adminOfA.tenantId())
                .query(Long.class).single()).isZero();
        Reply afterClear = put(platformToken, path, set.header("ETag"), "{\"requests_per_minute\": 7}");
        assertThat(afterClear.status()).as("the version keeps counting after the ceilings' row is gone")
                .isEqualTo(412);
        assertThat(api.get(platformToken, "/api/v1/tenants/" + UUID.randomUUID() + "/ceilings").status())
                .isEqualTo(404);
    }

    private Reply put(String token, String path, @Nullable String etag, String json) {
        return api.send(token, "PUT", path, json, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private String auditedTokenPrefix(String action, UUID tenantId) {
        return jdbc.sql("""
                        select t.prefix from audit_log l join access_tokens t on t.id = l.actor_token_id
                        where l.action = ? and l.tenant_id = ? order by l.id desc limit 1""")
                .params(action, tenantId).query(String.class).single();
    }
}
