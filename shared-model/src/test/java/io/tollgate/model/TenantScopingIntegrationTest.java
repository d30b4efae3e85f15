package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.account.Invitation;
import io.tollgate.model.account.InvitationRepository;
import io.tollgate.model.account.Membership;
import io.tollgate.model.account.MembershipRepository;
import io.tollgate.model.account.TenantRole;
import io.tollgate.model.apikey.ApiKey;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyRepository;
import io.tollgate.model.apikey.ApiKeyUsage;
import io.tollgate.model.apikey.ApiKeyUsageRepository;
import io.tollgate.model.app.App;
import io.tollgate.model.audit.AuditLogEntry;
import io.tollgate.model.audit.AuditLogEntryRepository;
import io.tollgate.model.budget.Budget;
import io.tollgate.model.budget.BudgetAlert;
import io.tollgate.model.budget.BudgetAlertRepository;
import io.tollgate.model.budget.BudgetPeriod;
import io.tollgate.model.budget.BudgetRepository;
import io.tollgate.model.budget.BudgetSpend;
import io.tollgate.model.budget.BudgetSpendRepository;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceRepository;
import io.tollgate.model.invoice.InvoiceStatus;
import io.tollgate.model.subscription.Subscription;
import io.tollgate.model.subscription.SubscriptionRepository;
import io.tollgate.model.subscription.SubscriptionStatus;
import io.tollgate.model.usage.Endpoint;
import io.tollgate.model.usage.UsageDaily;
import io.tollgate.model.usage.UsageDailyId;
import io.tollgate.model.usage.UsageDailyRepository;
import io.tollgate.model.usage.UsageEvent;
import io.tollgate.model.usage.UsageEventId;
import io.tollgate.model.usage.UsageEventRepository;
import io.tollgate.model.webhook.Webhook;
import io.tollgate.model.webhook.WebhookRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

/** Every finder a tenant can reach, asked with another tenant's id, returns nothing of the owner's rows. */
class TenantScopingIntegrationTest extends PersistenceTestBase {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final LocalDate MONTH = LocalDate.of(2026, 11, 1);

    @Autowired MembershipRepository memberships;
    @Autowired InvitationRepository invitations;
    @Autowired ApiKeyRepository keys;
    @Autowired ApiKeyUsageRepository keyUsage;
    @Autowired ApiKeyGenerator generator;
    @Autowired SubscriptionRepository subscriptions;
    @Autowired BudgetRepository budgets;
    @Autowired BudgetSpendRepository spend;
    @Autowired BudgetAlertRepository alerts;
    @Autowired UsageEventRepository events;
    @Autowired UsageDailyRepository daily;
    @Autowired InvoiceRepository invoices;
    @Autowired WebhookRepository webhooks;
    @Autowired AuditLogEntryRepository auditLog;

    private UUID owner;
    private UUID other;
    private UUID userId;
    private Membership membership;
    private Invitation invitation;
    private App app;
    private ApiKey key;
    private Subscription subscription;
    private Budget budget;
    private BudgetAlert alert;
    private UsageEvent event;
    private UsageDaily rollup;
    private Invoice invoice;
    private Webhook webhook;

    @BeforeEach
    void twoTenantsAndOneOfEveryRowForTheFirst() {
        owner = tenant().getId();
        other = tenant().getId();
        userId = user().getId();
        membership = memberships.save(new Membership(owner, userId, TenantRole.ADMIN, NOW));
        invitation = invitations.save(new Invitation(owner, unique("i") + "@example.com", TenantRole.BILLING, new byte[32],
                null, NOW.plusSeconds(60), NOW));
        app = app(tenants.findById(owner).orElseThrow());
        key = keys.save(ApiKey.issue(owner, app.getId(), "k", generator.generate(), null, NOW));
        keyUsage.save(new ApiKeyUsage(key.getId(), NOW));
        UUID model = model().getId();
        subscription = subscriptions.save(Subscription.request(owner, app.getId(), model, "", null, NOW));
        budget = budgets.save(Budget.forApp(owner, app.getId(), BudgetPeriod.MONTH, Money.usd("10"), NOW));
        spend.save(new BudgetSpend(budget.getId(), MONTH, NOW));
        alert = alerts.save(new BudgetAlert(budget.getId(), owner, MONTH, 50, Money.usd("5"), Money.usd("10"), NOW));
        event = events.save(new UsageEvent(new UsageEventId(UUID.randomUUID(), NOW), owner, app.getId(), key.getId(),
                Endpoint.CHAT, "m", null, TokenUsage.of(1, 1), false, Money.ZERO, 200, null, 1, null, false, ""));
        rollup = new UsageDaily(new UsageDailyId(owner, DAY, app.getId(), "m", ""), NOW);
        daily.save(rollup);
        invoice = invoices.save(Invoice.draft(owner, MONTH, MONTH.plusMonths(1), BigDecimal.ZERO, NOW));
        webhook = webhooks.save(new Webhook(owner, "https://example.com/h", new EncryptedSecret(new byte[28], "k1"), List.of("budget.threshold"), NOW));
        auditLog.save(new AuditLogEntry(NOW, AuditLogEntry.Actor.SYSTEM, owner, "app.created", "app", null, Map.of()));
        flushAndClear();
    }

    @Test
    void account_finders_are_scoped() {
        assertScoped(t -> memberships.findByTenantIdAndId(t, membership.getId()));
        assertScoped(t -> memberships.findAllByTenantIdOrderByCreatedAt(t));
        assertScoped(t -> memberships.findByTenantIdAndUserId(t, userId));
        assertScoped(t -> memberships.countByTenantIdAndRole(t, TenantRole.ADMIN));
        assertScoped(t -> invitations.findByTenantIdAndId(t, invitation.getId()));
        assertScoped(t -> invitations.findAllByTenantIdOrderByCreatedAtDesc(t));
    }

    @Test
    void app_and_key_finders_are_scoped() {
        assertScoped(t -> apps.findByTenantIdAndId(t, app.getId()));
        assertScoped(t -> apps.findAllByTenantIdOrderByName(t));
        assertScoped(t -> apps.findByTenantIdAndName(t, app.getName()));
        assertScoped(t -> apps.existsByTenantIdAndName(t, app.getName()));
        assertScoped(t -> keys.findByTenantIdAndId(t, key.getId()));
        assertScoped(t -> keys.findAllByTenantIdOrderByCreatedAtDesc(t));
        assertScoped(t -> keys.findAllByTenantIdAndAppIdOrderByCreatedAtDesc(t, app.getId()));
        assertScoped(t -> keyUsage.findByTenantIdAndApiKeyId(t, key.getId()));
        assertScoped(t -> keyUsage.findAllByTenantIdAndAppId(t, app.getId()));
    }

    @Test
    void subscription_finders_are_scoped() {
        assertScoped(t -> subscriptions.findByTenantIdAndId(t, subscription.getId()));
        assertScoped(t -> subscriptions.findAllByTenantIdOrderByCreatedAtDesc(t));
        assertScoped(t -> subscriptions.findAllByTenantIdAndAppIdOrderByCreatedAtDesc(t, app.getId()));
        assertScoped(t -> subscriptions.findAllByTenantIdAndStatus(t, SubscriptionStatus.PENDING));
        assertScoped(t -> subscriptions.findLive(t, app.getId(), subscription.getModelId()));
    }

    @Test
    void budget_finders_are_scoped() {
        assertScoped(t -> budgets.findByTenantIdAndId(t, budget.getId()));
        assertScoped(t -> budgets.findAllByTenantId(t));
        assertScoped(t -> budgets.findAllByTenantIdAndAppId(t, app.getId()));
        assertScoped(t -> spend.findByTenantIdAndBudgetIdAndPeriodStart(t, budget.getId(), MONTH));
        assertScoped(t -> spend.findAllByTenantIdAndBudgetId(t, budget.getId()));
        assertScoped(t -> alerts.findByTenantIdAndId(t, alert.getId()));
        assertScoped(t -> alerts.findAllByTenantIdOrderByCreatedAtDesc(t));
        assertScoped(t -> alerts.findAllByTenantIdAndBudgetIdOrderByCreatedAtDesc(t, budget.getId()));
    }

    @Test
    void usage_finders_are_scoped() {
        assertScoped(t -> events.findFirstByTenantIdAndId(t, event.getRequestId()));
        assertScoped(t -> events.findRecentByTenantId(t, NOW.minusSeconds(1), NOW.plusSeconds(1), Limit.of(5)));
        assertScoped(t -> daily.findAllByTenantIdAndDayBetweenOrderByDay(t, DAY, DAY));
        assertScoped(t -> daily.findAllByTenantIdAndAppIdAndDayBetweenOrderByDay(t, app.getId(), DAY, DAY));
        assertScoped(t -> daily.findById(new UsageDailyId(t, DAY, app.getId(), "m", "")));
    }

    @Test
    void invoice_webhook_and_audit_finders_are_scoped() {
        assertScoped(t -> invoices.findByTenantIdAndId(t, invoice.getId()));
        assertScoped(t -> invoices.findAllByTenantIdOrderByPeriodStartDesc(t));
        assertScoped(t -> invoices.findByTenantIdAndPeriodStartAndStatusNot(t, MONTH, InvoiceStatus.VOID));
        assertScoped(t -> webhooks.findByTenantIdAndId(t, webhook.getId()));
        assertScoped(t -> webhooks.findAllByTenantIdOrderByCreatedAt(t));
        assertScoped(t -> webhooks.findAllByTenantIdAndEnabledTrue(t));
        assertScoped(t -> auditLog.findAllByTenantIdOrderByOccurredAtDescIdDesc(t, Limit.of(5)));
    }

    /** The owner finds its row (so the query works at all); the other tenant, asking for the same ids, finds nothing. */
    private void assertScoped(Function<UUID, Object> finder) {
        assertThat(isEmpty(finder.apply(owner))).as("the owner's own result").isFalse();
        assertThat(isEmpty(finder.apply(other))).as("another tenant's result").isTrue();
    }

    private static boolean isEmpty(Object result) {
        return switch (result) {
            case Optional<?> optional -> optional.isEmpty();
            case Collection<?> collection -> collection.isEmpty();
            case Boolean exists -> !exists;
            case Long count -> count == 0;
            default -> throw new IllegalArgumentException("Unexpected finder result " + result);
        };
    }
}
