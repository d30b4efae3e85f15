package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.plan.Plan;
import io.tollgate.model.plan.PlanLimits;
import io.tollgate.model.plan.PlanRepository;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AccountPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    MembershipRepository memberships;
    @Autowired
    InvitationRepository invitations;

    @Test
    void the_seeded_plans_map_to_their_limits() {
        Plan pro = plans.findByCode(PlanRepository.PRO).orElseThrow();

        assertThat(pro.limits().requestsPerMinute()).isEqualTo(OptionalLong.of(600));
        assertThat(pro.limits().tokensPerDay()).isEqualTo(OptionalLong.of(50_000_000));
        assertThat(pro.limits().maxTokensPerRequest()).isEqualTo(OptionalLong.of(32_768));
        assertThat(pro.getMarkupPercent()).isEqualByComparingTo("0");
    }

    @Test
    void a_plan_round_trips_with_unlimited_and_set_limits() {
        var limits = new PlanLimits(OptionalLong.of(5), OptionalLong.empty(), OptionalLong.of(3_000_000_000L),
                OptionalLong.empty(), OptionalLong.of(3), OptionalLong.empty());
        Plan plan = plans.save(new Plan(unique("p"), "Custom", limits, new BigDecimal("-12.5000"), NOW));
        flushAndClear();

        Plan loaded = plans.findById(plan.getId()).orElseThrow();

        assertSameState(loaded, plan);
        assertThat(loaded.limits()).isEqualTo(limits);
        assertThat(loaded.getVersion()).isZero();
    }

    @Test
    void a_tenant_round_trips_and_its_version_grows_on_change() {
        Tenant tenant = tenant();
        tenant.overrideMarkup(new BigDecimal("7.5"), NOW);
        tenant.linkStripeCustomer("cus_123", NOW);
        flushAndClear();

        Tenant loaded = tenants.findBySlug(tenant.getSlug()).orElseThrow();
        assertSameState(loaded, tenant);
        assertThat(loaded.getMarkupPercent()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("7.5"));

        long versionBefore = loaded.getVersion();
        loaded.suspend(NOW.plusSeconds(1));
        flushAndClear();
        Tenant suspended = tenants.findById(tenant.getId()).orElseThrow();
        assertThat(suspended.getStatus()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.getVersion()).isEqualTo(versionBefore + 1);
    }

    @Test
    void a_user_round_trips_with_its_email_lower_cased() {
        var user = new UserAccount("  Ada.Lovelace-" + unique("") + "@Example.COM ", "Ada", "{bcrypt}$2a$10$hash", NOW);
        user.changePlatformRole(PlatformRole.FINANCE, NOW);
        user.recordFailedLogin(NOW);
        user.lockUntil(NOW.plusSeconds(900), NOW);
        users.save(user);
        flushAndClear();

        UserAccount loaded = users.findByEmail(user.getEmail()).orElseThrow();

        assertSameState(loaded, user);
        assertThat(loaded.getEmail()).startsWith("ada.lovelace-").endsWith("@example.com");
        assertThat(loaded.isLockedAt(NOW.plusSeconds(899))).isTrue();
        assertThat(loaded.getFailedLoginCount()).isEqualTo(1);
    }

    @Test
    void a_membership_and_an_invitation_round_trip() {
        Tenant tenant = tenant();
        UserAccount user = user();
        Membership membership = memberships.save(new Membership(tenant.getId(), user.getId(), TenantRole.ADMIN, NOW));
        byte[] tokenHash = new byte[32];
        Arrays.fill(tokenHash, (byte) 7);
        Invitation invitation = invitations.save(new Invitation(tenant.getId(), "New@Example.com", TenantRole.DEVELOPER,
                tokenHash, user.getId(), NOW.plusSeconds(86_400), NOW));
        flushAndClear();

        assertSameState(memberships.findByTenantIdAndUserId(tenant.getId(), user.getId()).orElseThrow(), membership);
        Invitation loaded = invitations.findByTokenHash(tokenHash).orElseThrow();
        assertSameState(loaded, invitation);
        assertThat(loaded.getEmail()).isEqualTo("new@example.com");
        assertThat(loaded.getTokenHash()).isEqualTo(tokenHash);

        loaded.accept(NOW.plusSeconds(60));
        flushAndClear();
        assertThat(invitations.findByTenantIdAndId(tenant.getId(), invitation.getId()).orElseThrow().getAcceptedAt())
                .contains(NOW.plusSeconds(60));
    }
}
