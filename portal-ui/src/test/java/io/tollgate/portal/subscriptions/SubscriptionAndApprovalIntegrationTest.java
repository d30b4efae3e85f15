package io.tollgate.portal.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.admin.approvals.ApprovalService;
import io.tollgate.portal.admin.approvals.ApprovalTerms;
import io.tollgate.portal.admin.approvals.ApprovedSubscription;
import io.tollgate.portal.admin.approvals.PendingRequest;
import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class SubscriptionAndApprovalIntegrationTest {

    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    ApprovalService approvals;
    @Autowired
    AppService apps;
    @Autowired
    JdbcClient jdbc;

    PortalUser developer;
    PortalUser otherTenant;
    PortalUser platformAdmin;
    UUID gated;
    UUID open;

    @BeforeEach
    void setUp() {
        Tenants tenants = new Tenants(jdbc);
        developer = tenants.newTenantMember("DEVELOPER");
        otherTenant = tenants.newTenantMember("ADMIN");
        platformAdmin = tenants.newPlatformUser("ADMIN");
        gated = Catalog.newModel(jdbc, true);
        open = Catalog.newModel(jdbc, false);
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void a_model_without_approval_is_approved_at_once_and_a_gated_one_waits() {
        Tenants.signIn(developer);
        UUID appId = apps.create(new AppDraft("chat", ""));

        assertThat(subscriptions.request(appId, open, "").status()).isEqualTo("APPROVED");
        assertThat(subscriptions.request(appId, gated, "support answers").status()).isEqualTo("PENDING");
        assertThatThrownBy(() -> subscriptions.request(appId, gated, "again"))
                .isInstanceOf(PortalException.class).hasMessageContaining("already");
    }

    @Test
    void another_tenant_can_neither_see_nor_request_for_an_app_it_does_not_own() {
        Tenants.signIn(developer);
        UUID appId = apps.create(new AppDraft("private", ""));
        subscriptions.request(appId, gated, "mine");

        Tenants.signIn(otherTenant);
        assertThat(subscriptions.list()).extracting(SubscriptionSummary::appId).doesNotContain(appId);
        assertThatThrownBy(() -> subscriptions.request(appId, open, "sneaky")).isInstanceOf(PortalException.class);
    }

    @Test
    void only_platform_administrators_may_decide() {
        Requested requested = request("wants-access", gated, "please");
        UUID id = requested.subscriptionId();

        assertThatThrownBy(() -> approvals.approve(List.of(id), ApprovalTerms.plain("self-approved")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(approvals::pending).isInstanceOf(AccessDeniedException.class);
        assertThat(subscriptions.list().getFirst().status()).isEqualTo("PENDING");
    }

    @Test
    void approving_with_a_budget_sets_limit_overrides_and_an_app_model_budget_in_one_step() {
        Requested requested = request("bounded", gated, "bounded use");
        UUID appId = requested.appId();
        UUID id = requested.subscriptionId();

        Tenants.signIn(platformAdmin);
        assertThat(approvals.pending()).extracting(PendingRequest::id).contains(id);
        approvals.approve(List.of(id), new ApprovalTerms(30, 10_000L, null, new BigDecimal("125.50"), "BLOCK", ""));

        var row = jdbc.sql("select status, requests_per_minute, tokens_per_minute, tokens_per_day, decided_by "
                        + "from subscriptions where id = ?").param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getObject(4) == null,
                        rs.getObject(5, UUID.class)))
                .single();
        assertThat(row).containsExactly("APPROVED", 30, 10_000L, true, platformAdmin.userId());
        BigDecimal budget = jdbc.sql("""
                        select amount_usd from budgets where tenant_id = ? and app_id = ? and model_id = ?
                        and scope = 'APP_MODEL' and period = 'MONTH' and action = 'BLOCK'""")
                .params(developer.tenantId(), appId, gated).query(BigDecimal.class).single();
        assertThat(budget).isEqualByComparingTo("125.50");
        assertThat(thresholds(appId)).as("the default alerts").isEqualTo("{50,80,100}");
        assertThat(jdbc.sql("select count(*) from audit_log where target_id = ? and action = 'subscription.approve'")
                .param(id.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void an_approval_budget_replaces_the_amount_and_action_of_the_tenants_own_budget_and_keeps_its_alerts() {
        Requested requested = request("budgeted-already", gated, "more room");
        UUID appId = requested.appId();
        UUID id = requested.subscriptionId();
        jdbc.sql("""
                        insert into budgets (id, tenant_id, scope, app_id, model_id, period, amount_usd, thresholds,
                                             action)
                        values (?, ?, 'APP_MODEL', ?, ?, 'MONTH', 40, '{25,90}', 'ALERT_ONLY')""")
                .params(UUID.randomUUID(), developer.tenantId(), appId, gated).update();

        Tenants.signIn(platformAdmin);
        approvals.approve(List.of(id), new ApprovalTerms(null, null, null, new BigDecimal("125.50"), "BLOCK", ""));

        var budget = jdbc.sql("select tenant_id, amount_usd, action from budgets where app_id = ? and model_id = ?")
                .params(appId, gated)
                .query((rs, n) -> List.of(rs.getObject(1, UUID.class), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getString(3)))
                .single();
        assertThat(budget).containsExactly(developer.tenantId(), new BigDecimal("125.5"), "BLOCK");
        assertThat(thresholds(appId)).isEqualTo("{25,90}");
    }

    @Test
    void an_approval_budget_follows_the_budget_rules_and_a_refused_one_approves_nothing() {
        Requested requested = request("exact", gated, "exact use");
        UUID appId = requested.appId();
        UUID id = requested.subscriptionId();

        Tenants.signIn(platformAdmin);
        for (String amount : List.of("10.0000000004", "0", "-5")) {
            assertThatThrownBy(() -> approvals.approve(List.of(id),
                    new ApprovalTerms(null, null, null, new BigDecimal(amount), "BLOCK", "")))
                    .as("budget %s", amount).isInstanceOf(PortalException.class)
                    .hasMessageStartingWith("Monthly budget: ");
        }
        assertThatThrownBy(() -> approvals.approve(List.of(id),
                new ApprovalTerms(null, null, null, new BigDecimal("10"), "DOWNGRADE", "")))
                .as("an approval sets no downgrade").isInstanceOf(PortalException.class)
                .hasMessage("An approval budget either blocks or only alerts");

        assertThat(approvals.pending()).extracting(PendingRequest::id).contains(id);
        assertThat(jdbc.sql("select count(*) from budgets where app_id = ?").param(appId).query(Long.class).single())
                .isZero();
    }

    @Test
    void bulk_rejection_needs_a_reason_and_moves_every_request_once() {
        Tenants.signIn(developer);
        UUID first = apps.create(new AppDraft("first", ""));
        UUID second = apps.create(new AppDraft("second", ""));
        subscriptions.request(first, gated, "a");
        subscriptions.request(second, gated, "b");
        List<UUID> ids = subscriptions.list().stream().map(SubscriptionSummary::id).toList();

        Tenants.signIn(platformAdmin);
        assertThatThrownBy(() -> approvals.reject(ids, " ")).isInstanceOf(PortalException.class);
        approvals.reject(ids, "Not for production data");
        assertThatThrownBy(() -> approvals.approve(ids, ApprovalTerms.plain("")))
                .isInstanceOf(PortalException.class).hasMessageContaining("REJECTED");

        Tenants.signIn(developer);
        assertThat(subscriptions.list()).hasSize(2).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("REJECTED");
            assertThat(s.decisionReason()).isEqualTo("Not for production data");
        });
    }

    @Test
    void revoking_access_needs_a_reason_the_tenant_sees_and_a_new_request_may_follow() {
        Requested requested = request("revocable", open, "");
        UUID appId = requested.appId();
        UUID id = requested.subscriptionId();
        assertThatThrownBy(() -> approvals.revoke(id, "mine")).isInstanceOf(AccessDeniedException.class);

        Tenants.signIn(platformAdmin);
        String tenantName = developer.tenantName();
        assertThat(approvals.approved(tenantName)).extracting(ApprovedSubscription::id).containsExactly(id);
        assertThatThrownBy(() -> approvals.revoke(id, " ")).isInstanceOf(PortalException.class);
        approvals.revoke(id, "Contract ended");
        assertThat(approvals.approved(tenantName)).isEmpty();
        assertThatThrownBy(() -> approvals.revoke(id, "twice")).isInstanceOf(PortalException.class)
                .hasMessageContaining("REVOKED");

        Tenants.signIn(developer);
        assertThat(subscriptions.list()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("REVOKED");
            assertThat(s.decisionReason()).isEqualTo("Contract ended");
        });
        assertThat(subscriptions.request(appId, open, "again").status()).isEqualTo("APPROVED");
    }

    @Test
    void the_approved_list_search_treats_wildcards_literally() {
        Tenants.signIn(platformAdmin);

        assertThat(approvals.approved("%")).isEmpty();
        assertThat(approvals.approved("_")).allSatisfy(s -> assertThat(s.tenantName() + s.appName() + s.modelName())
                .contains("_"));
    }

    /** A subscription the developer requested for a new app of that name. */
    private record Requested(UUID appId, UUID subscriptionId) {
    }

    private Requested request(String appName, UUID model, String justification) {
        Tenants.signIn(developer);
        UUID appId = apps.create(new AppDraft(appName, ""));
        UUID subscriptionId = subscriptions.request(appId, model, justification).id();
        return new Requested(appId, subscriptionId);
    }

    private String thresholds(UUID appId) {
        return jdbc.sql("select thresholds::text from budgets where app_id = ?").param(appId).query(String.class)
                .single();
    }
}
