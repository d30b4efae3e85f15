package io.tollgate.portal.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

@Route(value = "invite/:token", autoLayout = false)
@PageTitle("Join · Tollgate")
@AnonymousAllowed
class AcceptInvitationView extends Main implements BeforeEnterObserver {

    private String token = "";

    AcceptInvitationView(InvitationService invitations) {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        TextField name = new TextField("Your name");
        PasswordField password = new PasswordField("Choose a password (at least "
                + InvitationService.MIN_PASSWORD_LENGTH + " characters)");
        Button join = new Button("Join", click -> {
            invitations.accept(token, name.getValue(), password.getValue());
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("signedUp", "1")));
        });
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(name, password, join);
        form.setMaxWidth("28rem");
        add(new H1("Join your team on Tollgate"), new Paragraph("If you already have an account, leave the fields "
                + "empty and press Join; then sign in as usual."), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
    }
}
