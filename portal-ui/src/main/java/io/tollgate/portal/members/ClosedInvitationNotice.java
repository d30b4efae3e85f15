package io.tollgate.portal.members;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.tollgate.portal.common.Ui;
import java.util.Locale;

/** The invitation pages' answer for a link that no longer leads to an open invitation, saying why and what next. */
class ClosedInvitationNotice extends Div {

    ClosedInvitationNotice(InvitationService.ClosedLink link) {
        setId("invitation-closed");
        getElement().setAttribute("data-why", link.why().name().toLowerCase(Locale.ROOT));
        setMaxWidth("36rem");
        switch (link.why()) {
            case EXPIRED -> add(new H2("This invitation has expired"),
                    new Paragraph("Your invitation to " + link.tenantName() + " expired on "
                            + Ui.time(link.expiredAt()) + ". Ask the administrator who invited you to resend it: "
                            + "the new e-mail brings a new link."));
            case ACCEPTED -> add(new H2("This invitation was already accepted"),
                    new Paragraph("It was used to join " + link.tenantName() + ". Sign in to continue."),
                    new Anchor("login", "Sign in"));
            case UNKNOWN -> add(new H2("This invitation link does not work"),
                    new Paragraph("It was replaced by a newer invitation e-mail, withdrawn, or copied incompletely. "
                            + "Open the link in the newest invitation e-mail, or ask your administrator to resend "
                            + "the invitation."));
        }
    }
}
