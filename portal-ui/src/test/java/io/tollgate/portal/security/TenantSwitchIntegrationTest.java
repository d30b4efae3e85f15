package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.members.MemberService;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

@PortalIntegrationTest
class TenantSwitchIntegrationTest {

    @Autowired
    TenantSwitchService tenantSwitch;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    AppService apps;
    @Autowired
    MemberService members;
    @Autowired
    JdbcClient jdbc;

    PortalUser aliceInA;
    PortalUser bobInB;
    PortalUser carolInC;

    @BeforeEach
    void aliceBelongsToAAndB() {
        Tenants tenants = new Tenants(jdbc);
        aliceInA = tenants.newTenantMember("ADMIN");
        bobInB = tenants.newTenantMember("ADMIN");
        carolInC = tenants.newTenantMember("ADMIN");
        tenants.join(aliceInA, bobInB.tenantId(), "DEVELOPER");
        for (PortalUser owner : new PortalUser[] {aliceInA, bobInB, carolInC}) {
            Tenants.signIn(owner);
            apps.create(new AppDraft("app of " + owner.tenantName(), ""));
        }
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void a_member_of_two_tenants_switches_to_the_second_and_then_sees_its_apps_with_their_role_there() {
        Tenants.signIn(aliceInA);
        assertThat(tenantSwitch.memberships()).extracting(Membership::tenantId)
                .containsExactly(aliceInA.tenantId(), bobInB.tenantId());

        PortalUser switched = tenantSwitch.switchTo(bobInB.tenantId());

        assertThat(switched.tenantName()).isEqualTo(bobInB.tenantName());
        assertThat(currentUser.tenantId()).isEqualTo(bobInB.tenantId());
        assertThat(currentUser.require().roles()).containsExactly(Roles.TENANT_DEVELOPER);
        assertThat(apps.list()).extracting(AppSummary::name).containsExactly("app of " + bobInB.tenantName());
        assertThatThrownBy(() -> members.invite("x@y.test", "ADMIN")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'tenant.switch' and actor_user_id = ? "
                        + "and tenant_id = ?").params(aliceInA.userId(), bobInB.tenantId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_menu_names_a_suspended_tenant_as_such() {
        jdbc.sql("update tenants set status = 'SUSPENDED' where id = ?").param(bobInB.tenantId()).update();
        Tenants.signIn(aliceInA);

        assertThat(tenantSwitch.memberships()).extracting(Membership::label)
                .containsExactly(aliceInA.tenantName(), bobInB.tenantName() + " (suspended)");
    }

    @Test
    void switching_to_a_tenant_without_a_membership_is_refused_and_changes_nothing() {
        Tenants.signIn(aliceInA);

        assertThatThrownBy(() -> tenantSwitch.switchTo(carolInC.tenantId())).isInstanceOf(PortalException.class);

        assertThat(currentUser.require()).isEqualTo(aliceInA);
        assertThat(apps.list()).extracting(AppSummary::name).containsExactly("app of " + aliceInA.tenantName());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'tenant.switch' and actor_user_id = ?")
                .param(aliceInA.userId()).query(Long.class).single()).isZero();
    }

    @Test
    void a_single_sign_on_user_stays_signed_in_through_the_provider_after_switching() {
        var idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "alice", "email", aliceInA.email()));
        var principal = new SsoPrincipal(aliceInA, new DefaultOidcUser(List.of(), idToken));
        Tenants.signIn(new OAuth2AuthenticationToken(principal, principal.getAuthorities(), "sso"));

        tenantSwitch.switchTo(bobInB.tenantId());

        assertThat(currentUser.tenantId()).isEqualTo(bobInB.tenantId());
        assertThat(securityContexts.getContext().getAuthentication())
                .isInstanceOfSatisfying(OAuth2AuthenticationToken.class, sso -> {
                    assertThat(sso.getAuthorizedClientRegistrationId()).isEqualTo("sso");
                    assertThat(sso.getPrincipal()).isInstanceOf(SsoPrincipal.class);
                    assertThat(sso.getAuthorities()).extracting(Object::toString)
                            .containsExactly("ROLE_" + Roles.TENANT_DEVELOPER);
                });
    }
}
