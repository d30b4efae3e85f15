package io.tollgate.model.account;

import static io.tollgate.model.account.AccountPersistenceIntegrationTest.randomHash;
import static io.tollgate.model.account.AccountPersistenceIntegrationTest.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.tenancy.PlatformScope;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Memberships and invitations are tenant-owned: tenant A's session finds none of tenant B's, even asked by their ids,
 * their user or their link, or naming B outright. The platform scope, where a link's holder joins, finds them.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class AccountTenancyIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions transactions;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    TenantMembershipRepository memberships;
    @Autowired
    InvitationRepository invitations;
    @Autowired
    PlatformScope platform;
    @Autowired
    JdbcClient jdbc;

    UUID tenantA;
    UUID tenantB;
    UserAccount memberOfB;
    TenantMembership membershipOfB;
    Invitation invitationOfB;
    byte[] linkOfB;

    @BeforeEach
    void tenantBHasAnAdministratorWhoInvitedSomeone() {
        tenantA = transactions.newTenant();
        tenantB = transactions.newTenant();
        memberOfB = transactions.actingForNoTenant(() ->
                accounts.save(new UserAccount(uniqueEmail("b"), "B's admin", "hash", NOW)));
        membershipOfB = transactions.actingFor(tenantB, () ->
                memberships.save(new TenantMembership(tenantB, memberOfB.getId(), TenantRole.ADMIN, NOW)));
        linkOfB = randomHash();
        invitationOfB = transactions.actingFor(tenantB, () -> invitations.save(new Invitation(uniqueEmail("invited"),
                TenantRole.DEVELOPER, linkOfB, memberOfB.getId(), NOW.plus(Duration.ofDays(7)), NOW)));
    }

    @Test
    void new_rows_get_the_tenant_of_the_session_that_saves_them() {
        assertThat(tenantColumn("memberships", membershipOfB.getId())).isEqualTo(tenantB);
        assertThat(tenantColumn("invitations", invitationOfB.getId())).isEqualTo(tenantB);
    }

    @Test
    void tenant_a_asking_with_tenant_b_s_ids_gets_nothing() {
        transactions.actingFor(tenantA, () -> {
            assertThat(memberships.findById(membershipOfB.getId())).isEmpty();
            assertThat(memberships.findByUserId(memberOfB.getId())).isEmpty();
            assertThat(memberships.findByTenantIdAndUserId(tenantB, memberOfB.getId())).as("B named outright")
                    .isEmpty();
            assertThat(memberships.findAdminsForUpdate(tenantB)).as("B named outright").isEmpty();
            assertThat(memberships.findAllListed()).isEmpty();
            assertThat(invitations.findById(invitationOfB.getId())).isEmpty();
            assertThat(invitations.findNotAcceptedForUpdate(invitationOfB.getId())).isEmpty();
            assertThat(invitations.findByTokenHashForUpdate(linkOfB)).isEmpty();
            assertThat(invitations.findAllNotAccepted()).isEmpty();
            return null;
        });
    }

    @Test
    void a_session_acting_for_no_tenant_finds_none_of_them() {
        transactions.actingForNoTenant(() -> {
            assertThat(memberships.findById(membershipOfB.getId())).isEmpty();
            assertThat(memberships.findByTenantIdAndUserId(tenantB, memberOfB.getId())).isEmpty();
            assertThat(invitations.findByTokenHashForUpdate(linkOfB)).isEmpty();
            return null;
        });
    }

    @Test
    void tenant_a_cannot_give_itself_a_membership_of_tenant_b() {
        UserAccount someone = transactions.actingForNoTenant(() ->
                accounts.save(new UserAccount(uniqueEmail("someone"), "Someone", "hash", NOW)));

        assertThatThrownBy(() -> transactions.actingFor(tenantA, () ->
                memberships.save(new TenantMembership(tenantB, someone.getId(), TenantRole.ADMIN, NOW))))
                .as("a tenant named on the entity must be the session's")
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("tenant id differs");
        assertThat(jdbc.sql("select count(*) from memberships where user_id = ?").param(someone.getId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void in_the_platform_scope_a_link_finds_its_invitation_and_a_membership_joins_the_named_tenant() {
        UserAccount joiner = transactions.actingForNoTenant(() ->
                accounts.save(new UserAccount(uniqueEmail("joiner"), "Joiner", "hash", NOW)));
        AtomicReference<UUID> invitingTenant = new AtomicReference<>();

        transactions.actingFor(tenantA, () -> {
            platform.run("accept an invitation of tenant B", () -> {
                Invitation invitation = invitations.findByTokenHashForUpdate(linkOfB).orElseThrow();
                invitingTenant.set(invitation.getTenantId());
                invitation.accept(NOW.plusSeconds(1));
                assertThat(memberships.findAdminsForUpdate(tenantB)).hasSize(1);
                memberships.save(new TenantMembership(invitation.getTenantId(), joiner.getId(), invitation.getRole(), NOW));
            });
            return null;
        });

        assertThat(invitingTenant).hasValue(tenantB);
        assertThat(transactions.actingFor(tenantB, memberships::findAllListed)).extracting(MemberListing::userId)
                .containsExactlyInAnyOrder(memberOfB.getId(), joiner.getId());
        assertThat(transactions.actingFor(tenantB, () -> invitations.findById(invitationOfB.getId()).orElseThrow()
                .isAccepted())).isTrue();
    }

    private UUID tenantColumn(String table, UUID id) {
        return jdbc.sql("select tenant_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }
}
