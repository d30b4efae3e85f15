package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final UUID PLAN = UUID.randomUUID();

    @Test
    void a_new_tenant_is_active_on_its_plan() {
        Tenant tenant = new Tenant("acme", "Acme", PLAN, NOW);

        assertThat(tenant.getStatus()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.isSuspended()).isFalse();
        assertThat(tenant.getPlanId()).isEqualTo(PLAN);
        assertThat(tenant.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void a_suspended_tenant_is_resumed_and_suspending_twice_keeps_it_suspended() {
        Tenant tenant = new Tenant("acme", "Acme", PLAN, NOW);

        tenant.suspend(NOW.plusSeconds(1));
        tenant.suspend(NOW.plusSeconds(2));
        assertThat(tenant.isSuspended()).isTrue();
        assertThat(tenant.getUpdatedAt()).isEqualTo(NOW.plusSeconds(2));

        tenant.resume(NOW.plusSeconds(3));
        assertThat(tenant.getStatus()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void a_plan_change_is_kept_with_its_time() {
        Tenant tenant = new Tenant("acme", "Acme", PLAN, NOW);
        UUID pro = UUID.randomUUID();

        tenant.changePlan(pro, NOW.plusSeconds(5));

        assertThat(tenant.getPlanId()).isEqualTo(pro);
        assertThat(tenant.getUpdatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void a_slug_is_two_to_sixty_three_lower_case_letters_digits_or_dashes_and_a_name_is_not_blank() {
        assertThat(Tenant.isSlug("a1-b")).isTrue();
        assertThat(Tenant.isSlug("a")).isFalse();
        assertThat(Tenant.isSlug("-ab")).isFalse();
        assertThat(Tenant.isSlug("Acme")).isFalse();
        assertThat(Tenant.isSlug("a".repeat(64))).isFalse();
        assertThatThrownBy(() -> new Tenant("Not A Slug", "Acme", PLAN, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tenant("acme", " ", PLAN, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
