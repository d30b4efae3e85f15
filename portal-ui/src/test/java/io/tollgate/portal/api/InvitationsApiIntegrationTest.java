package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.members.InvitationService;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Mailbox;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.ManagementApiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Invitations over the management API e-mail the link like the Members screen; resend and revoke end old links. */
class InvitationsApiIntegrationTest extends ManagementApiIntegrationTest {

    @Autowired
    InvitationService invitations;

    String token;

    @BeforeEach
    void aTenantAdminsToken() {
        PortalUser admin = tenants.newTenantMember("ADMIN");
        token = tokens.tenantToken(admin, "ADMIN");
    }

    @Test
    void an_invitation_made_through_the_api_is_emailed_and_a_resend_replaces_its_link_once_per_idempotency_key() {
        String email = "api-" + UUID.randomUUID() + "@team.test";
        Reply created = api.post(token, "/api/v1/invitations",
                "{\"email\": \"" + email + "\", \"role\": \"DEVELOPER\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().path("emailed").asBoolean()).isTrue();
        assertThat(created.json().hasNonNull("link")).as("an e-mailed link is never in the answer").isFalse();
        assertThat(Instant.parse(created.json().path("expires_at").asString())).isAfter(Instant.now());
        String id = created.json().path("id").asString();
        String firstToken = Mailbox.token(email, "invite");

        String key = UUID.randomUUID().toString();
        Reply resent = api.send(token, "POST", "/api/v1/invitations/" + id + "/resend", null,
                Map.of("Idempotency-Key", key));
        Reply replayed = api.send(token, "POST", "/api/v1/invitations/" + id + "/resend", null,
                Map.of("Idempotency-Key", key));

        assertThat(resent.status()).as("%s", resent).isEqualTo(200);
        assertThat(resent.json().path("id").asString()).isEqualTo(id);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(resent.body());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Mailbox.to(email).size() == 2);
        String secondToken = Mailbox.token(email, "invite");
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(invitations.find(firstToken)).isEmpty();
        assertThat(invitations.find(secondToken)).isPresent();
        assertThat(Mailbox.to(email)).as("the replay sent nothing").hasSize(2);
    }

    @Test
    void a_revoked_invitation_is_gone_and_resending_it_is_a_404_problem() {
        String email = "gone-" + UUID.randomUUID() + "@team.test";
        String id = api.post(token, "/api/v1/invitations", "{\"email\": \"" + email + "\", \"role\": \"BILLING\"}")
                .json().path("id").asString();
        String link = Mailbox.token(email, "invite");

        assertThat(api.send(token, "DELETE", "/api/v1/invitations/" + id, null, Map.of()).status()).isEqualTo(204);

        Reply resend = api.post(token, "/api/v1/invitations/" + id + "/resend", null);
        assertThat(resend.status()).isEqualTo(404);
        assertThat(resend.header("Content-Type")).startsWith("application/problem+json");
        assertThat(resend.json().path("status").asInt()).isEqualTo(404);
        assertThat(api.get(token, "/api/v1/invitations").json().path("items").toString()).doesNotContain(id);
        assertThat(invitations.find(link)).isEmpty();
    }
}
