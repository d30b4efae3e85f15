package io.tollgate.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.apikeys.ApiKeyService;
import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PortalIntegrationTest
class UsageAuthorizationIntegrationTest {

    @Autowired
    UsageService usage;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppService apps;
    @Autowired
    ApiKeyService keys;

    PortalUser alice;
    PortalUser bob;
    UUID aliceApp = UUID.randomUUID();
    UUID bobApp = UUID.randomUUID();
    UUID aliceKey = UUID.randomUUID();
    UUID bobKey = UUID.randomUUID();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void usageOfTwoTenants() {
        alice = new Tenants(jdbc).newTenantMember("BILLING");
        bob = new Tenants(jdbc).newTenantMember("DEVELOPER");
        event(alice.tenantId(), aliceApp, aliceKey, "gpt-a", "0.000123456789012", "team-a,prod");
        event(alice.tenantId(), aliceApp, UUID.randomUUID(), "gpt-b", "1", "");
        event(bob.tenantId(), bobApp, bobKey, "gpt-a", "500", "prod");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    private void event(UUID tenantId, UUID appId, UUID keyId, String model, String cost, String tags) {
        jdbc.sql("""
                        insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint,
                            requested_model, served_model, prompt_tokens, completion_tokens, cost_usd, latency_ms,
                            status_code, tags)
                        values (?, ?, ?, ?, ?, 'CHAT', ?, ?, 10, 5, ?, 42, 200, ?)""")
                .params(UUID.randomUUID(), Timestamp.from(Instant.now()), tenantId, appId, keyId, model,
                        model, new BigDecimal(cost), tags)
                .update();
    }

    private UsageFilter all() {
        return new UsageFilter(today.minusDays(1), today, null, null, null, null);
    }

    @Test
    void a_tenant_sees_only_its_own_usage_and_exact_totals() {
        Tenants.signIn(alice);
        assertThat(usage.rows(all())).hasSize(2).extracting(UsageRow::model).containsExactlyInAnyOrder("gpt-a", "gpt-b");
        assertThat(usage.totals(all()).costUsd()).isEqualByComparingTo("1.000123456789012");

        Tenants.signIn(bob);
        assertThat(usage.rows(all())).singleElement().extracting(UsageRow::model).isEqualTo("gpt-a");
        assertThat(usage.rows(new UsageFilter(today, today, aliceApp, null, null, null))).isEmpty();
    }

    @Test
    void filters_by_app_model_and_tag() {
        Tenants.signIn(alice);
        assertThat(usage.rows(new UsageFilter(today, today, null, "gpt-b", null, null))).hasSize(1);
        assertThat(usage.rows(new UsageFilter(today, today, null, null, null, "prod"))).singleElement()
                .extracting(UsageRow::tags).isEqualTo("team-a,prod");
        assertThat(usage.rows(new UsageFilter(today, today, null, null, null, "pro"))).isEmpty();
        assertThat(usage.totals(new UsageFilter(today, today, aliceApp, null, null, null)).requests()).isEqualTo(2);
    }

    @Test
    void filters_by_key_and_another_tenants_key_id_finds_nothing() {
        Tenants.signIn(alice);
        assertThat(usage.rows(new UsageFilter(today, today, null, null, aliceKey, null))).singleElement()
                .extracting(UsageRow::model).isEqualTo("gpt-a");
        assertThat(usage.rows(new UsageFilter(today, today, null, null, bobKey, null))).isEmpty();
        assertThat(usage.totals(new UsageFilter(today, today, null, null, bobKey, null)).requests()).isZero();
    }

    @Test
    void the_key_choices_are_the_tenants_own_keys() {
        PortalUser developer = new Tenants(jdbc).newMember(alice.tenantId(), alice.tenantName(), "DEVELOPER");
        Tenants.signIn(developer);
        UUID appId = apps.create(new AppDraft("keyed", ""));
        var created = keys.create(appId, "ci", null);

        Tenants.signIn(alice);
        assertThat(usage.keys()).extracting(KeyOption::id).containsExactly(created.id());
        Tenants.signIn(bob);
        assertThat(usage.keys()).extracting(KeyOption::id).doesNotContain(created.id());
    }

    @Test
    void the_csv_export_holds_the_tenants_rows_with_unrounded_cost() {
        Tenants.signIn(alice);
        StringWriter csv = new StringWriter();
        usage.exportCsv(all(), csv);
        assertThat(csv.toString().lines()).hasSize(3).first().asString().startsWith("occurred_at,app,key_prefix");
        // bob's row would carry his cost as a cell; a bare "500" can also stand in a timestamp's microseconds
        assertThat(csv.toString()).contains("0.000123456789012").contains("\"team-a,prod\"")
                .doesNotContain(",500.000000000000000,");
    }

    @Test
    void the_csv_export_neutralises_formulas_in_model_names_and_tags_and_ends_rows_with_crlf() {
        event(alice.tenantId(), aliceApp, aliceKey, "\uFF1DHYPERLINK(\"http://evil\")", "2", " @SUM(A1)");
        Tenants.signIn(alice);
        StringWriter csv = new StringWriter();

        usage.exportCsv(all(), csv);

        assertThat(csv.toString()).contains(",\"'\uFF1DHYPERLINK(\"\"http://evil\"\")\",")
                .contains(",' @SUM(A1)\r\n").endsWith("\r\n");
        assertThat(csv.toString().split("\r\n")).hasSize(4);
    }
}
