package io.tollgate.portal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PortalIntegrationTest
class SignupIntegrationTest {

    private static final String PASSWORD = "a long and unusual passphrase";

    @Autowired
    SignupService signups;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SignupProperties limits;

    @Test
    void a_sign_up_creates_nothing_until_its_emailed_link_is_confirmed_with_the_chosen_password() {
        String email = "owner-" + UUID.randomUUID() + "@acme.test";
        signups.signUp(new SignupRequest("Acme Labs", "Ada Owner", email, PASSWORD), uniqueClient());

        assertThat(count("select count(*) from users where email = ?", email)).isZero();
        assertThat(count("select count(*) from tenant_billing_contacts where email = ?", email)).isZero();
        String token = Mailbox.token(email, SignupService.CONFIRM_ROUTE);
        assertThatThrownBy(() -> signups.confirm(token, "someone else's password"))
                .isInstanceOf(PortalException.class).hasMessageContaining("not the password");
        assertThat(count("select count(*) from users where email = ?", email)).isZero();

        assertThat(signups.confirm(token, PASSWORD)).isEqualTo(email);
        assertThat(jdbc.sql("""
                        select m.role from memberships m join users u on u.id = m.user_id
                        join tenants t on t.id = m.tenant_id where u.email = ? and t.name = 'Acme Labs'""")
                .param(email).query(String.class).single()).isEqualTo("ADMIN");
        assertThat(count("select count(*) from pending_signups where email = ?", email)).isZero();
        assertThat(count("""
                select count(*) from tenant_billing_contacts c join tenants t on t.id = c.tenant_id
                where c.email = ? and t.name = 'Acme Labs'""", email)).as("the first billing contact").isEqualTo(1);
        assertThatThrownBy(() -> signups.confirm(token, PASSWORD))
                .isInstanceOf(PortalException.class).hasMessageContaining("invalid, used or expired");
    }

    @Test
    void an_address_that_has_an_account_gets_the_same_answer_and_its_owner_a_notice() {
        String owner = new Tenants(jdbc).newTenantMember("ADMIN").email();
        signups.signUp(new SignupRequest("Copycat", "Not Owner", owner.toUpperCase(), PASSWORD), uniqueClient());

        assertThat(count("select count(*) from pending_signups where email = ?", owner)).isZero();
        assertThat(count("select count(*) from users where email = ?", owner)).isEqualTo(1);
        var received = Mailbox.to(owner);
        assertThat(received).hasSize(1);
        assertThat(GreenMailUtil.getBody(received.getFirst())).contains("already").contains("/login")
                .doesNotContain("/" + SignupService.CONFIRM_ROUTE + "/");
    }

    @Test
    void sign_ups_are_refused_past_the_limit_per_address() {
        String email = "flood-" + UUID.randomUUID() + "@acme.test";
        for (int i = 0; i < limits.maxPerAddress(); i++) {
            signups.signUp(new SignupRequest("Flood " + i, "Flo", email, PASSWORD), uniqueClient());
        }
        assertThatThrownBy(() -> signups.signUp(new SignupRequest("Flood", "Flo", email, PASSWORD), uniqueClient()))
                .isInstanceOf(PortalException.class).hasMessageContaining("Too many sign-ups");
        assertThat(Mailbox.to(email)).hasSize(limits.maxPerAddress());
    }

    @Test
    void sign_ups_are_refused_past_the_limit_per_client() {
        String client = uniqueClient();
        for (int i = 0; i < limits.maxPerClient(); i++) {
            signups.signUp(new SignupRequest("Spree", "Spr", "spree-" + UUID.randomUUID() + "@acme.test", PASSWORD),
                    client);
        }
        String next = "spree-" + UUID.randomUUID() + "@acme.test";
        assertThatThrownBy(() -> signups.signUp(new SignupRequest("Spree", "Spr", next, PASSWORD), client))
                .isInstanceOf(PortalException.class).hasMessageContaining("Too many sign-ups");
        assertThat(count("select count(*) from pending_signups where email = ?", next)).isZero();
    }

    @Test
    void a_common_password_or_one_containing_the_address_is_refused() {
        String email = "weak-" + UUID.randomUUID() + "@acme.test";
        assertThatThrownBy(() -> signups.signUp(new SignupRequest("Weak", "Wea", email, "iloveyou2024!"),
                uniqueClient())).isInstanceOf(PortalException.class).hasMessageContaining("too common");
        assertThatThrownBy(() -> signups.signUp(new SignupRequest("Weak", "Wea", email, "my " + email + " pw"),
                uniqueClient())).isInstanceOf(PortalException.class).hasMessageContaining("e-mail address");
        assertThat(Mailbox.to(email)).isEmpty();
    }

    private long count(String sql, String email) {
        return jdbc.sql(sql).param(email).query(Long.class).single();
    }

    private static String uniqueClient() {
        return "client-" + UUID.randomUUID();
    }
}
