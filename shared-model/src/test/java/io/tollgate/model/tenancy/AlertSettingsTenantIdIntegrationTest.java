package io.tollgate.model.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.billingcontact.TenantBillingContact;
import io.tollgate.model.billingcontact.TenantBillingContactRepository;
import io.tollgate.model.budget.Budget;
import io.tollgate.model.budget.BudgetAction;
import io.tollgate.model.budget.BudgetPeriod;
import io.tollgate.model.budget.BudgetRepository;
import io.tollgate.model.budget.BudgetScope;
import io.tollgate.model.budget.BudgetTerms;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.model.webhook.Webhook;
import io.tollgate.model.webhook.WebhookRepository;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hibernate's tenant discriminator on where alerts go and when they fire (budgets, webhooks, billing contacts), as
 * {@link TenantIdIntegrationTest} holds it for apps, keys and subscriptions: tenant A's session asking for tenant B's
 * rows by id, or through any query, gets nothing.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class AlertSettingsTenantIdIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    BudgetRepository budgets;
    @Autowired
    WebhookRepository webhooks;
    @Autowired
    TenantBillingContactRepository contacts;
    @Autowired
    JdbcClient jdbc;

    UUID tenantA;
    UUID tenantB;
    Budget budgetOfB;
    Webhook webhookOfB;
    TenantBillingContact contactOfB;

    @BeforeEach
    void tenantBHasABudgetAWebhookAndABillingContact() {
        tenantA = tenants.newTenant();
        tenantB = tenants.newTenant();
        budgetOfB = tenants.actingFor(tenantB, () -> budgets.save(new Budget(new BudgetTerms(BudgetScope.TENANT, null,
                null, BudgetPeriod.MONTH, BigDecimal.TEN, List.of(100), BudgetAction.BLOCK, null), NOW)));
        webhookOfB = tenants.actingFor(tenantB, () -> webhooks.save(new Webhook("https://b.example.com/",
                List.of("budget.threshold"), id -> new EncryptedSecret(new byte[] {1}, "k1"), NOW)));
        contactOfB = tenants.actingFor(tenantB, () ->
                contacts.save(new TenantBillingContact("billing@b.example.com", NOW)));
    }

    @Test
    void a_new_row_gets_the_tenant_of_the_session_that_saves_it() {
        assertThat(tenantColumn("budgets", budgetOfB.getId())).isEqualTo(tenantB);
        assertThat(tenantColumn("webhooks", webhookOfB.getId())).isEqualTo(tenantB);
        assertThat(tenantColumn("tenant_billing_contacts", contactOfB.getId())).isEqualTo(tenantB);
    }

    @Test
    void the_owning_tenant_finds_its_rows_through_every_query() {
        tenants.actingFor(tenantB, () -> {
            assertThat(budgets.findById(budgetOfB.getId())).isPresent();
            assertThat(budgets.findForTarget(null, null, BudgetPeriod.MONTH)).isPresent();
            assertThat(webhooks.findById(webhookOfB.getId())).isPresent();
            assertThat(webhooks.findAllForListing()).hasSize(1);
            assertThat(webhooks.count()).isEqualTo(1);
            assertThat(contacts.findById(contactOfB.getId())).isPresent();
            assertThat(contacts.findAllForListing()).hasSize(1);
            assertThat(contacts.count()).isEqualTo(1);
            assertThat(contacts.existsByEmailIgnoringCase("billing@b.example.com")).isTrue();
            return null;
        });
    }

    @Test
    void tenant_a_asking_with_tenant_b_s_ids_gets_nothing() {
        tenants.actingFor(tenantA, () -> {
            assertThat(budgets.findById(budgetOfB.getId())).isEmpty();
            assertThat(budgets.findForTarget(null, null, BudgetPeriod.MONTH)).isEmpty();
            assertThat(webhooks.findById(webhookOfB.getId())).isEmpty();
            assertThat(webhooks.findAllForListing()).isEmpty();
            assertThat(webhooks.count()).isZero();
            assertThat(contacts.findById(contactOfB.getId())).isEmpty();
            assertThat(contacts.findAllForListing()).isEmpty();
            assertThat(contacts.count()).isZero();
            assertThat(contacts.existsByEmailIgnoringCase("billing@b.example.com")).isFalse();
            return null;
        });
    }

    @Test
    void a_session_acting_for_no_tenant_reads_none_of_them() {
        tenants.actingForNoTenant(() -> {
            assertThat(budgets.findById(budgetOfB.getId())).isEmpty();
            assertThat(webhooks.findById(webhookOfB.getId())).isEmpty();
            assertThat(contacts.findById(contactOfB.getId())).isEmpty();
            return null;
        });
    }

    private UUID tenantColumn(String table, UUID id) {
        return jdbc.sql("select tenant_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }
}
