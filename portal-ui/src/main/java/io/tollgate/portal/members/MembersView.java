package io.tollgate.portal.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;

@Route(value = "members", layout = MainLayout.class)
@PageTitle("Members · Tollgate")
@RolesAllowed(Roles.TENANT_ADMIN)
class MembersView extends VerticalLayout {

    private final MemberService members;
    private final Grid<MemberService.Member> memberGrid = new Grid<>();
    private final Grid<MemberService.PendingInvitation> invitationGrid = new Grid<>();
    private final TextField link = new TextField("Invitation link (shown once; send it to the person at that address)");
    private final Paragraph sent = new Paragraph();

    MembersView(MemberService members) {
        this.members = members;
        memberGrid.addColumn(MemberService.Member::email).setHeader("Email").setAutoWidth(true);
        memberGrid.addColumn(MemberService.Member::displayName).setHeader("Name").setAutoWidth(true);
        memberGrid.addColumn(MemberService.Member::role).setHeader("Role").setAutoWidth(true);
        memberGrid.addComponentColumn(member -> {
            Button remove = new Button("Remove", click -> Ui.confirm("Remove " + member.email() + "?",
                    "They lose access to this tenant at their next sign-in.", "Remove", () -> {
                        members.remove(member.userId());
                        refresh();
                    }));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true).setFrozenToEnd(true);
        memberGrid.setAllRowsVisible(true);
        invitationGrid.addColumn(MemberService.PendingInvitation::email).setHeader("Invited").setAutoWidth(true);
        invitationGrid.addColumn(MemberService.PendingInvitation::role).setHeader("Role").setAutoWidth(true);
        invitationGrid.addColumn(i -> (i.expired() ? "Expired " : "") + Ui.time(i.expiresAt())).setHeader("Expires")
                .setAutoWidth(true);
        invitationGrid.addComponentColumn(this::invitationActions).setAutoWidth(true).setFrozenToEnd(true);
        invitationGrid.setAllRowsVisible(true);
        EmailField email = new EmailField("Email");
        email.setId("invite-email");
        Select<String> role = new Select<>();
        role.setLabel("Role");
        role.setItems("DEVELOPER", "BILLING", "ADMIN");
        role.setValue("DEVELOPER");
        link.setId("invitation-link");
        link.setReadOnly(true);
        link.setWidthFull();
        link.setVisible(false);
        sent.setId("invitation-sent");
        sent.setVisible(false);
        Button invite = new Button("Invite", click -> {
            if (email.isEmpty() || email.isInvalid()) {
                email.setInvalid(true);
                email.setErrorMessage("Enter a valid email address");
                return;
            }
            show(members.invite(email.getValue(), role.getValue()), "Invitation e-mailed to ");
            email.clear();
        });
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(email, role, invite);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        Paragraph how = new Paragraph((members.emailsInvitations()
                ? "The invitation is e-mailed to the address; only the person who reads it there can accept it."
                : "No SMTP server is configured, so the portal shows the invitation's link for you to pass on. "
                        + "Whoever opens it joins as the invited address, so give it only to that person.")
                + " The link works for " + members.invitationValidity() + "; resending an invitation makes a new "
                + "link for as long again and the old link stops working.");
        how.setId("invitation-how");
        add(new H2("Members"), memberGrid, new H3("Invite someone"), how, form, link, sent,
                new H3("Open invitations"), invitationGrid);
        refresh();
    }

    private HorizontalLayout invitationActions(MemberService.PendingInvitation invitation) {
        Button resend = new Button("Resend",
                click -> show(members.resend(invitation.id()), "Invitation e-mailed again to "));
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button revoke = new Button("Revoke", click -> Ui.confirm("Revoke the invitation of " + invitation.email()
                + "?", "Its link stops working.", "Revoke", () -> {
                    members.revoke(invitation.id());
                    refresh();
                }));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(resend, revoke);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        return actions;
    }

    /** The e-mailed notice, or without SMTP the link to pass on (shown once). */
    private void show(MemberService.NewInvitation invitation, String emailedTo) {
        invitation.tokenToShare().ifPresentOrElse(token -> {
            link.setValue(baseUrl() + "/" + InvitationService.ROUTE + "/" + token);
            link.setVisible(true);
            sent.setVisible(false);
        }, () -> {
            sent.setText(emailedTo + invitation.email() + ". The link works until " + Ui.time(invitation.expiresAt())
                    + ".");
            sent.setVisible(true);
            link.setVisible(false);
        });
        refresh();
    }

    private static String baseUrl() {
        var request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        boolean defaultPort = request.getServerPort() == 80 || request.getServerPort() == 443;
        return request.getScheme() + "://" + request.getServerName()
                + (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
    }

    private void refresh() {
        memberGrid.setItems(members.members());
        invitationGrid.setItems(members.invitations());
    }
}
