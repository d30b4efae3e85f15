package io.tollgate.portal.members;

import io.tollgate.portal.mail.Mailer;
import io.tollgate.portal.security.PortalUser;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts an invitation's one-time link in the invited person's inbox, or, without SMTP, hands it back to the inviting
 * administrator to pass on. Inviting and resending both end here, so the API and the screen send the same e-mail.
 */
@Component
class InvitationMail {

    private final Mailer mailer;
    private final InvitationProperties properties;

    InvitationMail(Mailer mailer, InvitationProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    boolean delivers() {
        return mailer.delivers();
    }

    MemberService.NewInvitation send(PortalUser inviter, UUID id, String email, String role, String token,
                                     Instant expiresAt) {
        if (!mailer.delivers()) {
            return new MemberService.NewInvitation(id, email, expiresAt, token);
        }
        mailer.send(email, "You are invited to " + inviter.tenantName() + " on Tollgate", """
                %s invited you to join %s on Tollgate as %s. To accept, open this link within %s:

                %s

                If you already have a Tollgate account with this address, you sign in to it; otherwise you create \
                one. If you did not expect this invitation, ignore this e-mail.
                """.formatted(inviter.displayName(), inviter.tenantName(), role.toLowerCase(Locale.ROOT),
                properties.validityInWords(), mailer.link(InvitationService.ROUTE + "/" + token)));
        return new MemberService.NewInvitation(id, email, expiresAt, null);
    }
}
