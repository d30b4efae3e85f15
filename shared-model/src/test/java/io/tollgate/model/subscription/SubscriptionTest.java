package io.tollgate.model.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void a_model_that_needs_no_approval_is_approved_at_once_and_one_that_does_waits() {
        Subscription automatic = Subscription.request(UUID.randomUUID(), UUID.randomUUID(), "", null, false, NOW);
        Subscription waiting = Subscription.request(UUID.randomUUID(), UUID.randomUUID(), "", null, true, NOW);

        assertThat(automatic.getStatus()).isEqualTo(SubscriptionStatus.APPROVED);
        assertThat(automatic.getDecidedAt()).contains(NOW);
        assertThat(automatic.getDecidedBy()).isEmpty();
        assertThat(waiting.getStatus()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(waiting.getDecidedAt()).isEmpty();
    }

    @Test
    void an_approval_sets_its_limits_and_a_revocation_keeps_when_access_was_granted() {
        Subscription subscription = Subscription.request(UUID.randomUUID(), UUID.randomUUID(), "", null, true, NOW);

        subscription.approve(ADMIN, null, 60, 10_000L, null, NOW.plusSeconds(10));
        subscription.revoke(ADMIN, "abuse", NOW.plusSeconds(20));

        assertThat(subscription.getStatus()).isEqualTo(SubscriptionStatus.REVOKED);
        assertThat(subscription.getDecidedAt()).contains(NOW.plusSeconds(10));
        assertThat(subscription.getDecisionReason()).contains("abuse");
        assertThat(subscription.getRequestsPerMinute()).contains(60);
        assertThat(subscription.getTokensPerMinute()).contains(10_000L);
        assertThat(subscription.getTokensPerDay()).isEmpty();
    }

    @Test
    void the_tenant_withdraws_a_request_or_gives_up_access_but_cannot_end_an_ended_one() {
        Subscription pending = Subscription.request(UUID.randomUUID(), UUID.randomUUID(), "", null, true, NOW);
        Subscription approved = Subscription.request(UUID.randomUUID(), UUID.randomUUID(), "", null, false, NOW);

        pending.cancelByTenant(NOW);
        approved.cancelByTenant(NOW);

        assertThat(pending.getStatus()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(pending.getDecisionReason()).contains("Withdrawn by the tenant");
        assertThat(approved.getStatus()).isEqualTo(SubscriptionStatus.REVOKED);
        assertThat(approved.getDecisionReason()).contains("Cancelled by the tenant");
        assertThatThrownBy(() -> pending.cancelByTenant(NOW)).isInstanceOf(IllegalSubscriptionTransitionException.class);
        assertThatThrownBy(() -> approved.approve(ADMIN, null, null, null, null, NOW))
                .isInstanceOf(IllegalSubscriptionTransitionException.class);
    }
}
