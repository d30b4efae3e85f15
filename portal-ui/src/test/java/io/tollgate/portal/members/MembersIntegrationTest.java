package io.tollgate.portal.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.account.InvitationRepository;
import io.tollgate.model.account.TenantMembershipRepository;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.model.account.UserAccountRepository;
import io.tollgate.model.tenancy.PlatformScope;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.mail.Mailer;
import io.tollgate.portal.mail.PortalMailProperties;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.PasswordPolicy;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.signup.SignupRequest;
import io.tollgate.portal.signup.SignupService;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@PortalIntegrationTest
class MembersIntegrationTest {

    private static final String PASSWORD = "a long and unusual passphrase";

    @Autowired
    MemberService members;
    @Autowired
    InvitationService invitations;
    @Autowired
    SignupService signups;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    InvitationMail invitationMail;
    @Autowired
    InvitationProperties invitationProperties;
    @Autowired
    PasswordPolicy passwordPolicy;
    @Autowired
    PlatformScope platform;
    @Autowired
    TenantMembershipRepository membershipRepository;
    @Autowired
    InvitationRepository invitationRepository;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    TenantRepository tenants;

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
    void an_invitation_is_emailed_to_the_address_works_once_and_stores_only_the_token_hash() {
        String email = "new-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        MemberService.NewInvitation invitation = members.invite(email, "DEVELOPER");
        Tenants.signOut();

        assertThat(invitation.tokenToShare()).as("an e-mailed link is never shown to the administrator").isEmpty();
        String token = Mailbox.token(email, "invite");
        assertThat(jdbc.sql("select count(*) from invitations where token_hash = ?")
                .param(SecretTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(invitations.acceptWithNewAccount(token, "New Dev", PASSWORD)).isEqualTo(email);
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token, "Again", PASSWORD))
                .isInstanceOf(PortalException.class).hasMessageContaining("used or expired");

        Tenants.signIn(admin);
        assertThat(members.members()).extracting(MemberService.Member::email, MemberService.Member::role)
                .contains(Tuple.tuple(email, "DEVELOPER"));
    }

    @Test
    void whoever_signed_up_with_the_invited_address_first_never_receives_the_invitations_role() {
        String victim = "victim-" + UUID.randomUUID() + "@team.test";
        String attackersPassword = "the attacker knows this one";
        signups.signUp(new SignupRequest("Attacker Org", "Not The Victim", victim, attackersPassword), "198.51.100.7");
        Tenants.signIn(admin);
        members.invite(victim, "ADMIN");
        Tenants.signOut();

        assertThat(userCount(victim)).as("an address nobody confirmed has no account").isZero();
        String token = Mailbox.token(victim, "invite");
        invitations.acceptWithNewAccount(token, "The Victim", PASSWORD);

        String hash = jdbc.sql("select password_hash from users where email = ?").param(victim).query(String.class)
                .single();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isTrue();
        assertThat(passwordEncoder.matches(attackersPassword, hash)).isFalse();
        String confirmation = Mailbox.token(victim, "signup/confirm");
        assertThatThrownBy(() -> signups.confirm(confirmation, attackersPassword))
                .isInstanceOf(PortalException.class);
        assertThat(userCount(victim)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from memberships m join users u on u.id = m.user_id where u.email = ?")
                .param(victim).query(Long.class).single()).as("only the invitation's membership").isEqualTo(1);
    }

    @Test
    void an_existing_account_accepts_only_while_signed_in_as_the_invited_address() {
        PortalUser invitee = new Tenants(jdbc).newTenantMember("DEVELOPER");
        PortalUser someoneElse = new Tenants(jdbc).newTenantMember("ADMIN");
        Tenants.signIn(admin);
        members.invite(invitee.email(), "BILLING");
        Tenants.signOut();
        String token = Mailbox.token(invitee.email(), "invite");

        assertThat(invitations.find(token)).hasValueSatisfying(found -> assertThat(found.accountExists()).isTrue());
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token, "Taker", PASSWORD))
                .isInstanceOf(PortalException.class).hasMessageContaining("sign in as " + invitee.email());
        assertThatThrownBy(() -> invitations.acceptAsSignedInUser(token))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        Tenants.signIn(someoneElse);
        assertThatThrownBy(() -> invitations.acceptAsSignedInUser(token))
                .isInstanceOf(PortalException.class).hasMessageContaining("signed in as " + someoneElse.email());
        assertThat(membershipRole(someoneElse.userId())).isEmpty();

        Tenants.signIn(invitee);
        assertThat(invitations.acceptAsSignedInUser(token).tenantId()).isEqualTo(admin.tenantId());
        assertThat(membershipRole(invitee.userId())).contains("BILLING");
    }

    @Test
    void the_tenants_last_administrator_keeps_the_role_when_accepting_an_invitation_to_another() {
        Tenants.signIn(admin);
        members.invite(admin.email(), "DEVELOPER");
        String token = Mailbox.token(admin.email(), "invite");

        assertThatThrownBy(() -> invitations.acceptAsSignedInUser(token))
                .isInstanceOf(PortalException.class).hasMessageContaining("last administrator");
        assertThat(membershipRole(admin.userId())).contains("ADMIN");
        assertThat(invitations.find(token)).as("the invitation stays open").isPresent();
    }

    @Test
    void without_smtp_the_link_is_shown_to_pass_on_a_resend_shows_a_new_one_and_it_creates_the_invited_account() {
        Mailer noSmtp = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new PortalMailProperties("portal@tollgate.test", "http://portal.test"));
        MemberService withoutSmtp = new MemberService(membershipRepository, invitationRepository, currentUser, audit,
                new InvitationMail(noSmtp, invitationProperties), invitationProperties, Clock.systemUTC());
        String email = "handed-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        MemberService.NewInvitation invitation = transactions.execute(status -> withoutSmtp.invite(email, "DEVELOPER"));
        Tenants.signOut();

        Tenants.signIn(admin);
        MemberService.NewInvitation resent = transactions.execute(status -> withoutSmtp.resend(invitation.id()));
        Tenants.signOut();

        assertThat(withoutSmtp.emailsInvitations()).isFalse();
        assertThat(Mailbox.to(email)).isEmpty();
        String replaced = invitation.tokenToShare().orElseThrow();
        String token = resent.tokenToShare().orElseThrow();
        assertThat(token).isNotEqualTo(replaced);
        assertThat(invitations.find(replaced)).as("the link shown before the resend").isEmpty();
        assertThat(invitations.acceptWithNewAccount(token, "Handed Link", PASSWORD)).isEqualTo(email);
        assertThat(userCount(email)).isEqualTo(1);
    }

    @Test
    void a_new_account_from_an_invitation_follows_the_password_rule() {
        String email = "weak-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        members.invite(email, "DEVELOPER");
        Tenants.signOut();
        String token = Mailbox.token(email, "invite");

        assertThatThrownBy(() -> invitations.acceptWithNewAccount(token, "Weak", "password1234"))
                .isInstanceOf(PortalException.class).hasMessageContaining("too common");
        assertThat(userCount(email)).isZero();
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

    @Test
    void resending_mails_a_new_link_and_the_old_link_stops_working() {
        String email = "resent-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        MemberService.NewInvitation first = members.invite(email, "DEVELOPER");
        String oldToken = Mailbox.token(email, "invite");
        MemberService.NewInvitation resent = members.resend(first.id());
        Tenants.signOut();

        assertThat(resent.id()).isEqualTo(first.id());
        assertThat(resent.tokenToShare()).isEmpty();
        String newToken = newestToken(email, 2);
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(invitations.find(oldToken)).isEmpty();
        assertThat(invitations.closed(oldToken).why()).isEqualTo(InvitationService.Closed.UNKNOWN);
        assertThatThrownBy(() -> invitations.acceptWithNewAccount(oldToken, "Old Link", PASSWORD))
                .isInstanceOf(PortalException.class);
        assertThat(invitations.acceptWithNewAccount(newToken, "New Link", PASSWORD)).isEqualTo(email);
        assertThat(invitations.closed(newToken)).satisfies(closed -> {
            assertThat(closed.why()).isEqualTo(InvitationService.Closed.ACCEPTED);
            assertThat(closed.tenantName()).isEqualTo(admin.tenantName());
        });
        assertThat(auditActions(first.id())).containsExactly("member.invite", "member.invite.resend");
    }

    @Test
    void an_invitation_expires_after_its_validity_and_a_resend_renews_it() {
        Instant sent = Instant.parse("2026-03-02T09:00:00Z");
        Duration validity = invitationProperties.validity();
        String email = "late-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        MemberService.NewInvitation invitation = transactions.execute(status -> membersAt(sent).invite(email,
                "BILLING"));
        Tenants.signOut();
        String token = Mailbox.token(email, "invite");

        assertThat(invitation.expiresAt()).isEqualTo(sent.plus(validity));
        assertThat(invitationsAt(sent.plus(validity).minusSeconds(1)).find(token)).isPresent();
        Instant expired = sent.plus(validity);
        assertThat(invitationsAt(expired).find(token)).isEmpty();
        assertThat(invitationsAt(expired).closed(token)).isEqualTo(new InvitationService.ClosedLink(
                InvitationService.Closed.EXPIRED, admin.tenantName(), sent.plus(validity)));
        assertThatThrownBy(() -> invitationsAt(expired).acceptWithNewAccount(token, "Too Late", PASSWORD))
                .isInstanceOf(PortalException.class).hasMessageContaining("expired");

        Instant resentAt = expired.plus(Duration.ofDays(1));
        Tenants.signIn(admin);
        List<MemberService.PendingInvitation> listed = transactions.execute(status -> membersAt(expired)
                .invitations());
        assertThat(listed)
                .filteredOn(pending -> pending.id().equals(invitation.id()))
                .singleElement().satisfies(pending -> assertThat(pending.expired()).isTrue());
        MemberService.NewInvitation resent = transactions.execute(status -> membersAt(resentAt)
                .resend(invitation.id()));
        Tenants.signOut();

        assertThat(resent.expiresAt()).isEqualTo(resentAt.plus(validity));
        String newToken = newestToken(email, 2);
        String joined = transactions.execute(status -> invitationsAt(resentAt).acceptWithNewAccount(newToken,
                "On Time", PASSWORD));
        assertThat(joined).isEqualTo(email);
        assertThat(membershipRole(jdbc.sql("select id from users where email = ?").param(email).query(UUID.class)
                .single())).contains("BILLING");
    }

    @Test
    void a_revoked_invitation_link_stops_working_and_only_the_tenants_admin_resends_or_revokes() {
        String email = "revoked-" + UUID.randomUUID() + "@team.test";
        Tenants.signIn(admin);
        MemberService.NewInvitation invitation = members.invite(email, "DEVELOPER");
        String token = Mailbox.token(email, "invite");

        PortalUser stranger = new Tenants(jdbc).newTenantMember("ADMIN");
        Tenants.signIn(stranger);
        assertThatThrownBy(() -> members.resend(invitation.id())).isInstanceOf(PortalException.NotFound.class);
        assertThatThrownBy(() -> members.revoke(invitation.id())).isInstanceOf(PortalException.NotFound.class);
        PortalUser developer = new Tenants(jdbc).newMember(admin.tenantId(), admin.tenantName(), "DEVELOPER");
        Tenants.signIn(developer);
        assertThatThrownBy(() -> members.resend(invitation.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> members.revoke(invitation.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(invitations.find(token)).isPresent();

        Tenants.signIn(admin);
        members.revoke(invitation.id());
        assertThat(members.invitations()).extracting(MemberService.PendingInvitation::id)
                .doesNotContain(invitation.id());
        assertThatThrownBy(() -> members.revoke(invitation.id())).isInstanceOf(PortalException.NotFound.class);
        Tenants.signOut();
        assertThat(invitations.find(token)).isEmpty();
        assertThat(invitations.closed(token).why()).isEqualTo(InvitationService.Closed.UNKNOWN);
        assertThat(auditActions(invitation.id())).containsExactly("member.invite", "member.invite.revoke");
    }

    private MemberService membersAt(Instant now) {
        return new MemberService(membershipRepository, invitationRepository, currentUser, audit, invitationMail,
                invitationProperties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private InvitationService invitationsAt(Instant now) {
        return new InvitationService(jdbc, platform, invitationRepository, membershipRepository, accounts, tenants,
                passwordEncoder, passwordPolicy, currentUser, audit, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The token of the newest invitation link once the address has received this many e-mails. */
    private static String newestToken(String email, int emails) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).size() == emails);
        return Mailbox.token(email, "invite");
    }

    private List<String> auditActions(UUID invitationId) {
        return jdbc.sql("""
                        select action from audit_log
                        where tenant_id = ? and target_type = 'invitation' and target_id = ? order by id""")
                .params(admin.tenantId(), invitationId.toString()).query(String.class).list();
    }

    private long userCount(String email) {
        return jdbc.sql("select count(*) from users where email = ?").param(email).query(Long.class).single();
    }

    private java.util.Optional<String> membershipRole(UUID userId) {
        return jdbc.sql("select role from memberships where user_id = ? and tenant_id = ?")
                .params(userId, admin.tenantId()).query(String.class).optional();
    }
}
