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

    record Invitation(UUID id, String email, String role, Instant expiresAt) {
    }

    /** role ADMIN, DEVELOPER or BILLING. */
    record InvitationRequest(String email, String role) {
    }

    /**
     * With SMTP the invitation is e-mailed and its link never shown; without, the link is in this answer only, to pass
     * on (the link is the proof of the address).
     */
    record NewInvitation(String email, boolean emailed, @Nullable String link) {

        @Override
        public String toString() {
            return "NewInvitation[email=" + email + ", emailed=" + emailed + ", link=<redacted>]";
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
                .map(i -> new Invitation(i.id(), i.email(), i.role(), i.expiresAt())).toList(),
                Invitation::id, cursor, limit);
    }

    @PostMapping("/invitations")
    ResponseEntity<NewInvitation> invite(@RequestBody InvitationRequest request) {
        MemberService.NewInvitation invitation = members.invite(request.email() == null ? "" : request.email(),
                request.role() == null ? "" : request.role());
        NewInvitation answer = new NewInvitation(invitation.email(), invitation.tokenToShare().isEmpty(),
                invitation.tokenToShare().map(token -> mailer.link(InvitationService.ROUTE + "/" + token)).orElse(null));
        return ResponseEntity.created(URI.create("/api/v1/invitations")).body(answer);
    }
}
