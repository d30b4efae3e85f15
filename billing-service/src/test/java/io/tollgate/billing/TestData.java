package io.tollgate.billing;

import io.tollgate.testsupport.TestPasswords;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates tenants, apps, users and usage events straight in SQL, each with fresh ids so tests never collide. */
public final class TestData {

    public static final String PASSWORD = "correct horse battery staple";
    /** At the lowest cost, so every HTTP Basic request of the tests costs a millisecond instead of most of a hundred. */
    private static final String PASSWORD_HASH = TestPasswords.hash(PASSWORD);

    private final JdbcClient jdbc;

    public TestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID plan(String markupPercent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into plans (id, code, name, markup_percent) values (:id, :code, 'Test plan', :markup)")
                .param("id", id).param("code", "p" + id.toString().substring(0, 12))
                .param("markup", new BigDecimal(markupPercent)).update();
        return id;
    }

    public UUID tenant(UUID planId, @Nullable String tenantMarkupPercent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id, markup_percent)
                        values (:id, :slug, :name, :plan, :markup)""")
                .param("id", id).param("slug", "t-" + id).param("name", "Tenant " + id.toString().substring(0, 8))
                .param("plan", planId)
                .param("markup", tenantMarkupPercent == null ? null : new BigDecimal(tenantMarkupPercent),
                        java.sql.Types.NUMERIC).update();
        billingContact(id, "billing-" + id.toString().substring(0, 8) + "@example.com");
        return id;
    }

    /** A billing contact added after the tenant's others. */
    public void billingContact(UUID tenantId, String email) {
        jdbc.sql("""
                        insert into tenant_billing_contacts (id, tenant_id, email, created_at)
                        values (:id, :tenant, :email, clock_timestamp())""")
                .param("id", UUID.randomUUID()).param("tenant", tenantId).param("email", email).update();
    }

    public UUID tenant() {
        return tenant(plan("0"), null);
    }

    public UUID app(UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (:id, :tenant, :name)")
                .param("id", id).param("tenant", tenantId).param("name", name).update();
        return id;
    }

    /** A user with {@link #PASSWORD}; platformRole may be null, tenantRole null means no membership. */
    public String user(@Nullable String platformRole, @Nullable UUID tenantId, @Nullable String tenantRole) {
        UUID id = UUID.randomUUID();
        String email = "u-" + id + "@example.com";
        jdbc.sql("""
                        insert into users (id, email, display_name, password_hash, platform_role)
                        values (:id, :email, 'Test user', :hash, :role)""")
                .param("id", id).param("email", email).param("hash", PASSWORD_HASH)
                .param("role", platformRole, java.sql.Types.VARCHAR).update();
        if (tenantId != null && tenantRole != null) {
            jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (:id, :tenant, :user, :role)")
                    .param("id", UUID.randomUUID()).param("tenant", tenantId).param("user", id)
                    .param("role", tenantRole).update();
        }
        return email;
    }

    /**
     * Inserts {@code count} events for one app and model at {@code occurredAt}; event i costs
     * {@code unitCost * (i % 7 + 1)}, uses 100 + i prompt and 10 + i % 50 completion tokens, and every 10th fails.
     */
    public void events(UUID tenantId, UUID appId, String model, int count, Instant occurredAt, String unitCost) {
        jdbc.sql("""
                        insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint,
                            requested_model, served_model, prompt_tokens, completion_tokens, cached_tokens,
                            reasoning_tokens, cost_usd, latency_ms, status_code, tags)
                        select gen_random_uuid(), :at, :tenant, :app, :app, 'CHAT', :model, :model, 100 + i,
                               10 + i % 50, i % 3, 0, :unit * (i % 7 + 1), 20,
                               case when i % 10 = 0 then 500 else 200 end, case when i % 2 = 0 then 'team-a' else '' end
                        from generate_series(1, :count) as i""")
                .param("at", java.time.OffsetDateTime.ofInstant(occurredAt, java.time.ZoneOffset.UTC))
                .param("tenant", tenantId).param("app", appId).param("model", model)
                .param("unit", new BigDecimal(unitCost)).param("count", count).update();
    }

    /** Inserts {@code count} successful events at {@code occurredAt} that cost {@code costEach} each. */
    public void eventsCosting(UUID tenantId, UUID appId, String model, int count, Instant occurredAt, String costEach) {
        jdbc.sql("""
                        insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint,
                            requested_model, served_model, prompt_tokens, completion_tokens, cost_usd, latency_ms,
                            status_code)
                        select gen_random_uuid(), :at, :tenant, :app, :app, 'CHAT', :model, :model, 1000, 100, :cost,
                               20, 200
                        from generate_series(1, :count)""")
                .param("at", java.time.OffsetDateTime.ofInstant(occurredAt, java.time.ZoneOffset.UTC))
                .param("tenant", tenantId).param("app", appId).param("model", model)
                .param("cost", new BigDecimal(costEach)).param("count", count).update();
    }

    public BigDecimal eventCost(UUID tenantId) {
        return jdbc.sql("select coalesce(sum(cost_usd), 0) from usage_events where tenant_id = :tenant")
                .param("tenant", tenantId).query(BigDecimal.class).single();
    }
}
