package io.tollgate.portal.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class MembersIntegrationTest {

    @Autowired
    MemberService members;
    @Autowired
    InvitationService invitations;
    @Autowired
    JdbcClient jdbc;

    PortalUser admin;

    @BeforeEach
    void setUp() {
        admin = new Tenants(jdbc).newTenantMember("ADMIN");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void an_invitation_link_works_once_and_stores_only_the_token_hash() {
        Tenants.signIn(admin);
        String email = "new-" + UUID.randomUUID() + "@team.test";
        String token = members.invite(email, "DEVELOPER");
        Tenants.signOut();

        assertThat(jdbc.sql("select count(*) from invitations where token_hash = ?")
                .param(InvitationTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(invitations.accept(token, "New Dev", "long enough password")).isEqualTo(email);
        assertThatThrownBy(() -> invitations.accept(token, "Again", "long enough password"))
                .isInstanceOf(PortalException.class).hasMessageContaining("used or expired");

        Tenants.signIn(admin);
        assertThat(members.members()).extracting(MemberService.Member::email, MemberService.Member::role)
                .contains(org.assertj.core.groups.Tuple.tuple(email, "DEVELOPER"));
    }

    @Test
    void only_tenant_administrators_manage_members_and_only_their_own() {
        PortalUser developer = new Tenants(jdbc).newMember(admin.tenantId(), admin.tenantName(), "DEVELOPER");
        Tenants.signIn(developer);
        assertThatThrownBy(() -> members.invite("x@y.test", "ADMIN")).isInstanceOf(AccessDeniedException.class);

        PortalUser stranger = new Tenants(jdbc).newTenantMember("ADMIN");
        Tenants.signIn(stranger);
        assertThat(members.members()).extracting(MemberService.Member::userId).doesNotContain(developer.userId());
        assertThatThrownBy(() -> members.remove(developer.userId())).isInstanceOf(PortalException.class);

        Tenants.signIn(admin);
        assertThat(members.members()).extracting(MemberService.Member::userId).contains(developer.userId());
    }
}
