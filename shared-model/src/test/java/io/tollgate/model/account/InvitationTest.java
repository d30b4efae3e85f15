package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofDays(7));

    @Test
    void an_invitation_is_open_until_its_expiry_and_accepted_once() {
        Invitation invitation = invitation();

        assertThat(invitation.isOpen(EXPIRY.minusNanos(1000))).isTrue();
        invitation.accept(EXPIRY.minusSeconds(1));

        assertThat(invitation.isAccepted()).isTrue();
        assertThat(invitation.getAcceptedAt()).contains(EXPIRY.minusSeconds(1));
        assertThat(invitation.isOpen(NOW)).isFalse();
        assertThatThrownBy(() -> invitation.accept(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_invitation_expires_at_its_expiry_and_is_then_not_accepted() {
        Invitation invitation = invitation();

        assertThat(invitation.isExpired(EXPIRY)).isTrue();
        assertThat(invitation.isOpen(EXPIRY)).isFalse();
        assertThatThrownBy(() -> invitation.accept(EXPIRY)).isInstanceOf(IllegalStateException.class);
        assertThat(invitation.isAccepted()).isFalse();
    }

    @Test
    void a_renewed_invitation_has_a_new_link_and_expiry_even_after_it_expired_but_not_once_accepted() {
        Invitation invitation = invitation();
        Instant later = EXPIRY.plus(Duration.ofDays(1));

        invitation.renew(new byte[32], later.plus(Duration.ofDays(7)));
        assertThat(invitation.isOpen(later)).isTrue();

        invitation.accept(later);
        assertThatThrownBy(() -> invitation.renew(new byte[32], later.plus(Duration.ofDays(14))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Invitation invitation() {
        return new Invitation("invited@example.test", TenantRole.DEVELOPER, new byte[32], UUID.randomUUID(), EXPIRY,
                NOW);
    }
}
