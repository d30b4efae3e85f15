package io.tollgate.portal.members;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.security.TenantSwitchService;
import jakarta.annotation.security.PermitAll;

/**
 * Accepting an invitation with an existing account: only for someone signed in (the sign-in page brings them back
 * here), and only when they are the invited address.
 */
@Route(value = InvitationService.ROUTE + "/:token/" + JoinTenantView.PATH, autoLayout = false)
@PageTitle("Join · Tollgate")
@PermitAll
class JoinTenantView extends Main implements BeforeEnterObserver {

    static final String PATH = "join";

    private final InvitationService invitations;
    private final TenantSwitchService tenants;

    JoinTenantView(InvitationService invitations, TenantSwitchService tenants) {
        this.invitations = invitations;
        this.tenants = tenants;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        add(new H1("Join your team on Tollgate"));
        invitations.find(token).ifPresentOrElse(invitation -> {
            Button join = new Button("Join " + invitation.tenantName() + " as " + invitation.role().toLowerCase(),
                    click -> {
                        var joined = invitations.acceptAsSignedInUser(token);
                        tenants.switchTo(joined.tenantId());
                        getUI().ifPresent(ui -> ui.getPage().setLocation("dashboard"));
                    });
            join.setId("invitation-accept");
            join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Paragraph("This invitation is for " + invitation.email() + "."), join);
        }, () -> add(new ClosedInvitationNotice(invitations.closed(token))));
    }
}
