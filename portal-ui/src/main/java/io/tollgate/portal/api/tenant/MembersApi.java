package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.mail.Mailer;
import io.tollgate.portal.members.InvitationService;
import io.tollgate.portal.members.MemberService;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's members and invitations, through {@link MemberService} as on the Members screen (tenant ADMIN). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Members", description = "Members and invitations (tenant ADMIN)")
class MembersApi {

    record Member(UUID userId, String email, String displayName, String role) {
    }

    /** An invitation nobody accepted yet; an expired one ({@code expired}) can still be resent. */
    record Invitation(UUID id, String email, String role, Instant expiresAt, boolean expired) {
    }

    /** role ADMIN, DEVELOPER or BILLING. */
    record InvitationRequest(String email, String role) {
    }

    /**
     * With SMTP the invitation is e-mailed and its link never shown; without, the link is in this answer only, to pass
     * on (the link is the proof of the address).
     */
    record NewInvitation(UUID id, String email, Instant expiresAt, boolean emailed, @Nullable String link) {

        @Override
        public String toString() {
            return "NewInvitation[id=" + id + ", email=" + email + ", emailed=" + emailed + ", link=<redacted>]";
        }
    }

    private final MemberService members;
    private final Mailer mailer;

    MembersApi(MemberService members, Mailer mailer) {
        this.members = members;
        this.mailer = mailer;
    }

    @GetMapping("/members")
    CursorPage<Member> list(@RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(members.members().stream()
                .map(m -> new Member(m.userId(), m.email(), m.displayName(), m.role())).toList(),
                Member::userId, cursor, limit);
    }

    /** Ends the person's membership of this tenant; their account and other memberships stay. */
    @DeleteMapping("/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable UUID userId) {
        members.remove(userId);
    }

    @GetMapping("/invitations")
    CursorPage<Invitation> invitations(@RequestParam(required = false) @Nullable String cursor,
                                       @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(members.invitations().stream()
                .map(i -> new Invitation(i.id(), i.email(), i.role(), i.expiresAt(), i.expired())).toList(),
                Invitation::id, cursor, limit);
    }

    /** Invites the address: the invitation is e-mailed when SMTP is configured, as from the Members screen. */
    @PostMapping("/invitations")
    ResponseEntity<NewInvitation> invite(@RequestBody InvitationRequest request) {
        MemberService.NewInvitation invitation = members.invite(request.email() == null ? "" : request.email(),
                request.role() == null ? "" : request.role());
        return ResponseEntity.created(URI.create("/api/v1/invitations")).body(answer(invitation));
    }

    /**
     * Sends the invitation again with a new link and a renewed expiry, also after it expired; the previous link stops
     * working. A replay with the same Idempotency-Key returns the first answer and sends nothing.
     */
    @PostMapping("/invitations/{invitationId}/resend")
    NewInvitation resend(@PathVariable UUID invitationId) {
        return answer(members.resend(invitationId));
    }

    /** Withdraws an invitation nobody accepted yet; its link stops working. */
    @DeleteMapping("/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID invitationId) {
        members.revoke(invitationId);
    }

    private NewInvitation answer(MemberService.NewInvitation invitation) {
        return new NewInvitation(invitation.id(), invitation.email(), invitation.expiresAt(),
                invitation.tokenToShare().isEmpty(),
                invitation.tokenToShare().map(token -> mailer.link(InvitationService.ROUTE + "/" + token)).orElse(null));
    }
}
