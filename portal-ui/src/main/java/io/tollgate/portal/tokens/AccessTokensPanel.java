package io.tollgate.portal.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.common.Ui;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Access tokens of one scope (a tenant or the platform): the list without secrets, a form that makes one and shows
 * it once, revoke. The views only say which service calls to make.
 */
class AccessTokensPanel extends VerticalLayout {

    private final Grid<AccessTokenSummary> grid = new Grid<>();
    private final Supplier<List<AccessTokenSummary>> list;

    AccessTokensPanel(String title, List<String> roles, Clock clock, Supplier<List<AccessTokenSummary>> list,
                      Function<AccessTokenDraft, CreatedAccessToken> create, Consumer<UUID> revoke) {
        this.list = list;
        setPadding(false);
        Button make = new Button("New token", click -> openForm(roles, clock, create));
        make.setId("new-access-token");
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor docs = new Anchor("/api-docs", "Management API reference");
        docs.setRouterIgnore(true);
        Paragraph about = new Paragraph("Tokens call the management API under /api/v1 with "
                + "\"Authorization: Bearer tgm_...\". A personal token acts as you and stops working if you lose the "
                + "role; a service token acts for the scope itself. ");
        about.add(docs);
        about.addClassNames(LumoUtility.TextColor.SECONDARY);
        grid.addColumn(AccessTokenSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(token -> token.prefix() + "…").setHeader("Prefix").setAutoWidth(true);
        grid.addColumn(AccessTokenSummary::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(AccessTokenSummary::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(token -> token.ownerEmail() == null ? "—" : token.ownerEmail()).setHeader("Owner");
        grid.addColumn(AccessTokenSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(token -> Ui.time(token.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(token -> Ui.time(token.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(token -> {
            Button button = new Button("Revoke", click -> Ui.confirm("Revoke " + token.name() + "?",
                    "Scripts using it are refused from the next request on.", "Revoke", () -> {
                        revoke.accept(token.id());
                        refresh();
                    }));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            button.addClassName("revoke-" + token.prefix());
            button.setEnabled(token.active());
            return button;
        });
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setId("access-tokens-grid");
        add(new HorizontalLayout(new H2(title), make), about, grid);
        refresh();
    }

    private void openForm(List<String> roles, Clock clock, Function<AccessTokenDraft, CreatedAccessToken> create) {
        TextField name = new TextField("Name");
        name.setId("token-name");
        ComboBox<String> kind = new ComboBox<>("Kind", "SERVICE", "PERSONAL");
        kind.setValue("SERVICE");
        ComboBox<String> role = new ComboBox<>("Role", roles);
        role.setId("token-role");
        role.setValue(roles.getFirst());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DatePicker expires = new DatePicker("Expires (UTC)", today.plusDays(90));
        expires.setMin(today.plusDays(1));
        expires.setMax(today.plusDays(365));
        FormLayout form = new FormLayout(name, kind, role, expires);
        Dialog dialog = Ui.dialog("New access token", form);
        Button save = new Button("Create", click -> {
            CreatedAccessToken created = create.apply(new AccessTokenDraft(kind.getValue(), name.getValue(),
                    role.getValue(), expires.getValue().atStartOfDay(ZoneOffset.UTC).toInstant()));
            dialog.removeAll();
            dialog.setHeaderTitle("Token created");
            dialog.getFooter().removeAll();
            TextField value = new TextField();
            value.setValue(created.plaintext());
            value.setReadOnly(true);
            value.setWidthFull();
            value.setId("new-token-value");
            Paragraph warning = new Paragraph("Copy this token now. It is shown only once; Tollgate keeps only a hash.");
            warning.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
            dialog.add(warning, value);
            // the plaintext leaves the page with the dialog
            dialog.addOpenedChangeListener(opened -> {
                if (!opened.isOpened()) {
                    dialog.removeAll();
                }
            });
            dialog.getFooter().add(new Button("Done", done -> dialog.close()));
            refresh();
        });
        save.setId("create-token");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", cancel -> dialog.close()), save);
    }

    private void refresh() {
        grid.setItems(list.get());
    }
}
