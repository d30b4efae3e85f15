package io.tollgate.portal.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.security.PasswordPolicy;

/**
 * The invitation link's page. An address with an account is sent to sign in as that account (then {@link
 * JoinTenantView} adds it); an address without one gets a form that creates exactly that account.
 */
@Route(value = InvitationService.ROUTE + "/:token", autoLayout = false)
@PageTitle("Join · Tollgate")
@AnonymousAllowed
class AcceptInvitationView extends Main implements BeforeEnterObserver {

    private final InvitationService invitations;

    AcceptInvitationView(InvitationService invitations) {
        this.invitations = invitations;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        add(new H1("Join your team on Tollgate"));
        invitations.find(token).ifPresentOrElse(invitation -> {
            Paragraph about = new Paragraph("You are invited to " + invitation.tenantName() + " as "
                    + invitation.role().toLowerCase() + ", with the address " + invitation.email() + ".");
            about.setId("invitation-for");
            add(about);
            if (invitation.accountExists()) {
                Anchor signIn = new Anchor(InvitationService.ROUTE + "/" + token + "/" + JoinTenantView.PATH,
                        "Sign in as " + invitation.email() + " to accept");
                signIn.setId("invitation-sign-in");
                add(signIn);
            } else {
                add(newAccountForm(token));
            }
        }, () -> add(new ClosedInvitationNotice(invitations.closed(token))));
    }

    private VerticalLayout newAccountForm(String token) {
        TextField name = new TextField("Your name");
        name.setId("invitation-name");
        PasswordField password = new PasswordField("Choose a password (at least " + PasswordPolicy.MIN_LENGTH
                + " characters)");
        password.setId("invitation-password");
        Button join = new Button("Create my account and join", click -> {
            invitations.acceptWithNewAccount(token, name.getValue(), password.getValue());
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("signedUp", "1")));
        });
        join.setId("invitation-join");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(name, password, join);
        form.setMaxWidth("28rem");
        return form;
    }
}
