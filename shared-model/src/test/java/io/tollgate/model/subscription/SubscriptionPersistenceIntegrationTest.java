package io.tollgate.model.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.UserAccount;
import io.tollgate.model.app.App;
import io.tollgate.model.catalog.LlmModel;
import io.tollgate.model.plan.PlanLimits;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

class SubscriptionPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    SubscriptionAdminQueries adminQueries;

    @Test
    void a_request_round_trips_with_its_limit_overrides() {
        Subscription subscription = request();
        var overrides = new PlanLimits(OptionalLong.of(30), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(5_000_000_000L), OptionalLong.empty(), OptionalLong.of(1024));
        subscription.overrideLimits(overrides, NOW);
        flushAndClear();

        Subscription loaded = subscriptions.findByTenantIdAndId(subscription.getTenantId(), subscription.getId()).orElseThrow();

        assertSameState(loaded, subscription);
        assertThat(loaded.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(loaded.limitOverrides()).isEqualTo(overrides);
        assertThat(loaded.getDecidedAt()).isEmpty();
    }

    @Test
    void approval_then_revocation_persist_with_who_decided_and_when() {
        Subscription subscription = request();
        UserAccount admin = user();
        subscription.approve(admin.getId(), NOW.plusSeconds(60));
        flushAndClear();

        Subscription approved = adminQueries.findById(subscription.getId()).orElseThrow();
        assertThat(approved.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(approved.getDecidedBy()).contains(admin.getId());
        assertThat(approved.getDecidedAt()).contains(NOW.plusSeconds(60));

        approved.revoke(admin.getId(), "abuse", NOW.plusSeconds(120));
        flushAndClear();

        Subscription revoked = adminQueries.findById(subscription.getId()).orElseThrow();
        assertThat(revoked.getStatus()).isEqualTo(SubscriptionStatus.REVOKED);
        assertThat(revoked.getDecisionReason()).contains("abuse");
        assertThat(revoked.getVersion()).isEqualTo(2);
    }

    @Test
    void a_rejection_persists_and_rejected_subscriptions_cannot_be_approved() {
        Subscription subscription = request();
        UUID admin = user().getId();
        subscription.reject(admin, "no budget", NOW);
        flushAndClear();

        Subscription rejected = adminQueries.findById(subscription.getId()).orElseThrow();
        assertThat(rejected.getStatus()).isEqualTo(SubscriptionStatus.REJECTED);

        assertThatThrownBy(() -> rejected.approve(admin, NOW))
                .isInstanceOf(IllegalSubscriptionTransitionException.class)
                .hasMessageContaining("REJECTED").hasMessageContaining("APPROVED");
        assertThat(rejected.getStatus()).isEqualTo(SubscriptionStatus.REJECTED);
    }

    @Test
    void a_pending_subscription_cannot_be_revoked() {
        Subscription subscription = request();

        assertThatThrownBy(() -> subscription.revoke(UUID.randomUUID(), "why", NOW))
                .isInstanceOf(IllegalSubscriptionTransitionException.class);
        flushAndClear();
        assertThat(adminQueries.findById(subscription.getId()).orElseThrow().getStatus()).isEqualTo(SubscriptionStatus.PENDING);
    }

    @Test
    void the_live_one_is_found_and_a_second_live_request_is_refused_by_the_database() {
        Subscription first = request();
        first.reject(user().getId(), "not yet", NOW);
        flushAndClear();
        Subscription second = subscriptions.save(Subscription.request(first.getTenantId(), first.getAppId(),
                first.getModelId(), "again", null, NOW));
        flushAndClear();

        assertThat(subscriptions.findLive(first.getTenantId(), first.getAppId(), first.getModelId()))
                .map(Subscription::getId).contains(second.getId());
        assertThat(adminQueries.findAllByStatusOrderByCreatedAt(SubscriptionStatus.PENDING))
                .extracting(Subscription::getId).contains(second.getId()).doesNotContain(first.getId());

        subscriptions.save(Subscription.request(first.getTenantId(), first.getAppId(), first.getModelId(), "", null, NOW));
        assertThatThrownBy(subscriptions::flush).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Subscription request() {
        Tenant tenant = tenant();
        App app = app(tenant);
        LlmModel model = model();
        return subscriptions.save(Subscription.request(tenant.getId(), app.getId(), model.getId(), "for the chatbot",
                user().getId(), NOW));
    }
}
