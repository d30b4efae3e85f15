package io.tollgate.portal.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.apps.AppSummary;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.subscriptions.SubscriptionService;
import io.tollgate.portal.subscriptions.SubscriptionSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Route(value = "apps/:appId/keys", layout = MainLayout.class)
@PageTitle("API keys · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
class ApiKeysView extends VerticalLayout implements BeforeEnterObserver {

    private static final Map<String, Duration> GRACE = graceChoices();

    private final ApiKeyService keys;
    private final AppService apps;
    private final GatewayProperties properties;
    private final SubscriptionService subscriptions;
    private final Grid<ApiKeySummary> grid = new Grid<>();
    private final H2 title = new H2("API keys");
    private final Paragraph noKeys = Ui.emptyState("No keys yet. Create one with New key: it is shown once, with "
            + "ready-to-paste examples for the gateway.");
    private AppSummary app;

    ApiKeysView(ApiKeyService keys, AppService apps, GatewayProperties properties, SubscriptionService subscriptions) {
        this.keys = keys;
        this.apps = apps;
        this.properties = properties;
        this.subscriptions = subscriptions;
        grid.addColumn(ApiKeySummary::prefix).setHeader("Prefix").setAutoWidth(true);
        grid.addColumn(ApiKeySummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ApiKeySummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(key -> Ui.time(key.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(key -> Ui.time(key.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(key -> Ui.time(key.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFrozenToEnd(true);
        grid.setAllRowsVisible(true);
        grid.setId("keys-grid");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID appId = event.getRouteParameters().get("appId").flatMap(ApiKeysView::uuid).orElse(null);
        removeAll();
        app = appId == null ? null : apps.find(appId).orElse(null);
        if (app == null) {
            add(new H2("API keys"), Ui.emptyState("App not found. Pick an app on the Apps page."));
            return;
        }
        title.setText("API keys of " + app.name());
        Button create = new Button("New key", click -> openCreate());
        create.setId("new-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(app.active());
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.getStyle().set("flex-wrap", "wrap");
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(header, noKeys, grid);
        refresh();
    }

    private HorizontalLayout actions(ApiKeySummary key) {
        Button rotate = new Button("Rotate", click -> openRotate(key));
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button revoke = new Button("Revoke", click -> Ui.confirm("Revoke " + key.prefix() + "…?",
                "Requests with this key are refused within a second. This cannot be undone.", "Revoke", () -> {
                    keys.revoke(key.id());
                    Ui.success("Key revoked");
                    refresh();
                }));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.addClassNames("revoke-key", "revoke-" + key.prefix());
        rotate.addClassName("rotate-" + key.prefix());
        rotate.setEnabled(key.active() && app.active());
        revoke.setEnabled(key.active());
        return new HorizontalLayout(rotate, revoke);
    }

    private void openCreate() {
        TextField name = new TextField("Name");
        name.setId("key-name");
        name.setRequired(true);
        DatePicker expiry = new DatePicker("Expires (optional, end of day UTC)");
        expiry.setMin(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        Button create = new Button("Create key");
        create.setId("create-key");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("New API key", new VerticalLayout(name, expiry, create));
        create.addClickListener(click -> {
            if (name.getValue().isBlank() || name.getValue().length() > 100) {
                name.setInvalid(true);
                name.setErrorMessage("Give the key a name of at most 100 characters");
                return;
            }
            var expiresAt = expiry.getValue() == null ? null
                    : expiry.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            showOnce(dialog, keys.create(app.id(), name.getValue(), expiresAt));
        });
    }

    private void openRotate(ApiKeySummary key) {
        Select<String> grace = new Select<>();
        grace.setLabel("Keep the old key working for");
        grace.setItems(GRACE.keySet());
        grace.setValue("24 hours");
        Button rotate = new Button("Rotate");
        rotate.setId("rotate-submit");
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("Rotate " + key.prefix() + "…", new VerticalLayout(grace, rotate));
        rotate.addClickListener(click -> showOnce(dialog, keys.rotate(key.id(), GRACE.get(grace.getValue()))));
    }

    private void showOnce(Dialog dialog, CreatedKey created) {
        dialog.removeAll();
        dialog.setHeaderTitle("Your new API key");
        // the plaintext leaves the page with the dialog, however the dialog is closed
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog.removeAll();
            }
        });
        Button done = new Button("I have stored the key", click -> dialog.close());
        done.setId("key-done");
        dialog.add(new NewKeyPanel(created, properties.url(), approvedModel()), done);
        refresh();
    }

    /** A model this app may call, so the snippets work as pasted; empty until a subscription is approved. */
    private Optional<String> approvedModel() {
        return subscriptions.list().stream()
                .filter(subscription -> subscription.appId().equals(app.id()))
                .filter(subscription -> "APPROVED".equals(subscription.status()))
                .map(SubscriptionSummary::modelName).findFirst();
    }

    private void refresh() {
        var all = keys.list(app.id());
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        noKeys.setVisible(all.isEmpty());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Map<String, Duration> graceChoices() {
        Map<String, Duration> choices = new LinkedHashMap<>();
        choices.put("No grace (stop now)", Duration.ZERO);
        choices.put("1 hour", Duration.ofHours(1));
        choices.put("24 hours", Duration.ofHours(24));
        choices.put("7 days", Duration.ofDays(7));
        return choices;
    }
}
