package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class AccountPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");
    private static final UUID FREE_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID PRO_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f003");

    @Autowired
    TenantTransactions transactions;
    @Autowired
    TenantRepository tenants;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    TenantMembershipRepository memberships;
    @Autowired
    InvitationRepository invitations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_tenant_round_trips_and_each_change_counts_in_its_version() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        Tenant saved = transactions.actingForNoTenant(() ->
                tenants.saveAndFlush(new Tenant(slug, "Acme", FREE_PLAN, NOW)));
        transactions.actingForNoTenant(() -> {
            tenants.findById(saved.getId()).orElseThrow().changePlan(PRO_PLAN, NOW.plusSeconds(1));
            return null;
        });
        transactions.actingForNoTenant(() -> {
            tenants.findById(saved.getId()).orElseThrow().suspend(NOW.plusSeconds(2));
            return null;
        });

        Tenant loaded = transactions.actingForNoTenant(() -> tenants.findById(saved.getId()).orElseThrow());

        assertThat(loaded.getSlug()).isEqualTo(slug);
        assertThat(loaded.getName()).isEqualTo("Acme");
        assertThat(loaded.getPlanId()).isEqualTo(PRO_PLAN);
        assertThat(loaded.isSuspended()).isTrue();
        assertThat(loaded.getCreatedAt()).isEqualTo(NOW);
        assertThat(loaded.getUpdatedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(loaded.getVersion()).isEqualTo(2);
        assertThat(transactions.actingForNoTenant(() -> tenants.existsBySlug(slug))).isTrue();
    }

    @Test
    void an_account_change_writes_only_its_own_columns_and_leaves_sign_in_s_to_sign_in() {
        UserAccount saved = transactions.actingForNoTenant(() ->
                accounts.save(new UserAccount(uniqueEmail("Staff"), "Staff", "hash", NOW)));
        transactions.actingForNoTenant(() -> {
            UserAccount loaded = accounts.findById(saved.getId()).orElseThrow();
            jdbc.sql("update users set failed_login_count = 3, password_hash = 'changed', last_login_at = ? where id = ?")
                    .params(java.sql.Timestamp.from(NOW), saved.getId()).update();
            loaded.grantPlatformRole(PlatformRole.FINANCE, NOW.plusSeconds(1));
            return null;
        });

        assertThat(jdbc.sql("select failed_login_count from users where id = ?").param(saved.getId())
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select password_hash from users where id = ?").param(saved.getId())
                .query(String.class).single()).isEqualTo("changed");
        UserAccount staff = transactions.actingForNoTenant(() -> accounts.findByEmail(saved.getEmail()).orElseThrow());
        assertThat(staff.getPlatformRole()).contains(PlatformRole.FINANCE);
        assertThat(staff.getLastLoginAt()).contains(NOW);
        assertThat(staff.getVersion()).isEqualTo(1);
    }

    @Test
    void staff_are_listed_administrators_first_then_by_address() {
        UserAccount finance = account("a-finance", PlatformRole.FINANCE);
        UserAccount admin = account("z-admin", PlatformRole.ADMIN);
        UserAccount member = account("member", null);

        assertThat(transactions.actingForNoTenant(accounts::findAllStaff)).extracting(UserAccount::getId)
                .containsSubsequence(admin.getId(), finance.getId())
                .doesNotContain(member.getId());
        assertThat(transactions.actingForNoTenant(() -> accounts.existsByEmail(member.getEmail()))).isTrue();
    }

    @Test
    void a_tenant_s_members_are_listed_by_address_with_their_accounts_and_its_administrators_counted() {
        UUID tenant = transactions.newTenant();
        UserAccount zoe = account("zoe", null);
        UserAccount adam = account("adam", null);
        transactions.actingFor(tenant, () -> {
            memberships.save(new TenantMembership(tenant, zoe.getId(), TenantRole.ADMIN, NOW));
            return memberships.save(new TenantMembership(tenant, adam.getId(), TenantRole.DEVELOPER, NOW));
        });

        assertThat(transactions.actingFor(tenant, memberships::findAllListed)).containsExactly(
                new MemberListing(adam.getId(), adam.getEmail(), "Person", TenantRole.DEVELOPER),
                new MemberListing(zoe.getId(), zoe.getEmail(), "Person", TenantRole.ADMIN));
        assertThat(transactions.actingFor(tenant, () -> memberships.findAdminsForUpdate(tenant)))
                .extracting(TenantMembership::getRole).containsExactly(TenantRole.ADMIN);
        TenantMembership adamsMembership = transactions.actingFor(tenant, () ->
                memberships.findByUserId(adam.getId()).orElseThrow());
        assertThat(adamsMembership.getTenantId()).isEqualTo(tenant);
        assertThat(adamsMembership.getCreatedAt()).isEqualTo(NOW);

        transactions.actingFor(tenant, () -> {
            memberships.delete(memberships.findByUserId(adam.getId()).orElseThrow());
            return null;
        });
        assertThat(transactions.actingFor(tenant, memberships::findAllListed)).extracting(MemberListing::userId)
                .containsExactly(zoe.getId());
    }

    @Test
    void an_invitation_round_trips_is_listed_until_accepted_and_is_found_by_its_link() {
        UUID tenant = transactions.newTenant();
        UserAccount inviter = account("inviter", null);
        byte[] tokenHash = randomHash();
        Invitation saved = transactions.actingFor(tenant, () -> invitations.saveAndFlush(new Invitation(
                uniqueEmail("invited"), TenantRole.BILLING, tokenHash, inviter.getId(), NOW.plus(Duration.ofDays(7)),
                NOW)));

        Invitation loaded = transactions.actingFor(tenant, () ->
                invitations.findNotAcceptedForUpdate(saved.getId()).orElseThrow());
        assertThat(loaded).usingRecursiveComparison().ignoringFields("tenantId").isEqualTo(saved);
        assertThat(loaded.getTenantId()).isEqualTo(tenant);
        assertThat(transactions.actingFor(tenant, invitations::findAllNotAccepted)).extracting(Invitation::getId)
                .containsExactly(saved.getId());
        assertThat(transactions.actingFor(tenant, () -> invitations.findByTokenHashForUpdate(tokenHash)))
                .map(Invitation::getId).contains(saved.getId());

        transactions.actingFor(tenant, () -> {
            invitations.findById(saved.getId()).orElseThrow().accept(NOW.plusSeconds(1));
            return null;
        });
        assertThat(transactions.actingFor(tenant, invitations::findAllNotAccepted)).isEmpty();
        assertThat(transactions.actingFor(tenant, () -> invitations.findNotAcceptedForUpdate(saved.getId()))).isEmpty();
        assertThat(transactions.actingFor(tenant, () -> invitations.findById(saved.getId()).orElseThrow()
                .getAcceptedAt())).contains(NOW.plusSeconds(1));
    }

    private UserAccount account(String name, PlatformRole role) {
        UserAccount account = new UserAccount(uniqueEmail(name), "Person", "hash", NOW);
        if (role != null) {
            account.grantPlatformRole(role, NOW);
        }
        return transactions.actingForNoTenant(() -> accounts.save(account));
    }

    static String uniqueEmail(String name) {
        return name.toLowerCase() + "-" + UUID.randomUUID() + "@example.test";
    }

    static byte[] randomHash() {
        byte[] hash = new byte[32];
        new java.security.SecureRandom().nextBytes(hash);
        return hash;
    }
}
