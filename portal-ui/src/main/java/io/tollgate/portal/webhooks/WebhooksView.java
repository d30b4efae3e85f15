package io.tollgate.portal.webhooks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.billingcontact.BillingContactService;
import io.tollgate.portal.billingcontact.BillingContactsSection;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Where budget alerts go: the tenant's webhooks, their recent deliveries, and the billing e-mail contacts. */
@Route(value = "webhooks", layout = MainLayout.class)
@PageTitle("Webhooks · Tollgate")
@RolesAllowed(Roles.TENANT_ADMIN)
class WebhooksView extends VerticalLayout {

    private final WebhookService webhooks;
    private final BillingContactService contacts;
    private final Grid<WebhookSummary> grid = new Grid<>();
    private final Paragraph noWebhooks = Ui.emptyState("No webhooks yet. Register one and budget alerts are posted "
            + "to it, signed with a secret only you hold.");
    private final Grid<DeliverySummary> deliveries = new Grid<>();
    private final Paragraph noDeliveries = Ui.emptyState("Nothing delivered yet. Send a test delivery to try one.");

    WebhooksView(WebhookService webhooks, BillingContactService contacts) {
        this.webhooks = webhooks;
        this.contacts = contacts;
        grid.addColumn(WebhookSummary::url).setHeader("URL").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(webhook -> String.join(", ", webhook.events())).setHeader("Events").setAutoWidth(true);
        grid.addColumn(webhook -> webhook.enabled() ? "Enabled" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.addColumn(webhook -> Ui.time(webhook.createdAt())).setHeader("Registered").setAutoWidth(true);
        grid.addColumn(webhook -> webhook.previousSecretValidUntil() == null ? ""
                        : "Previous secret also signs until " + Ui.time(webhook.previousSecretValidUntil()))
                .setHeader("Secret rotation").setAutoWidth(true);
        // the actions stay in view however far the grid scrolls sideways
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("webhooks-grid");
        deliveries.addColumn(delivery -> Ui.time(delivery.lastAttemptAt())).setHeader("Last attempt")
                .setAutoWidth(true);
        deliveries.addColumn(DeliverySummary::url).setHeader("Webhook").setAutoWidth(true).setFlexGrow(1);
        deliveries.addColumn(DeliverySummary::eventType).setHeader("Event").setAutoWidth(true);
        deliveries.addColumn(WebhooksView::status).setHeader("Status").setAutoWidth(true);
        deliveries.addColumn(DeliverySummary::attempts).setHeader("Attempts").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        deliveries.addColumn(delivery -> delivery.error() == null ? "" : delivery.error()).setHeader("Last error")
                .setAutoWidth(true);
        deliveries.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        deliveries.setAllRowsVisible(true);
        deliveries.setId("deliveries-grid");
        Button create = new Button("New webhook", click -> openCreate());
        create.setId("new-webhook");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Webhooks"), create);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, noWebhooks, grid, new H3("Recent deliveries"), noDeliveries, deliveries,
                new BillingContactsSection(contacts));
        refresh();
    }

    private HorizontalLayout actions(WebhookSummary webhook) {
        Button test = new Button("Send test delivery", click -> {
            DeliverySummary delivery = webhooks.sendTest(webhook.id());
            if (delivery.delivered()) {
                Ui.success("Test delivered: HTTP " + delivery.httpStatus());
            } else {
                Notification.show("Test delivery failed: " + delivery.error(),
                        5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        test.addClassName("webhook-test");
        Button toggle = new Button(webhook.enabled() ? "Disable" : "Enable", click -> {
            webhooks.setEnabled(webhook.id(), !webhook.enabled());
            refresh();
        });
        Button rotate = new Button("Rotate secret", click -> Ui.confirm("Rotate this webhook's signing secret?",
                "You get a new secret, shown once. For the next " + WebhookService.ROTATION_GRACE.toHours()
                        + " hours every delivery is signed with both the new and the current secret, so your "
                        + "receiver can switch over; then only the new one signs.", "Rotate", () -> {
                    RotatedSecret rotated = webhooks.rotateSecret(webhook.id());
                    showRotated(rotated);
                }));
        rotate.addClassName("webhook-rotate");
        Button delete = new Button("Delete", click -> Ui.confirm("Delete this webhook?",
                webhook.url() + " no longer receives alerts, and its delivery history goes with it.", "Delete", () -> {
                    webhooks.delete(webhook.id());
                    Ui.success("Webhook deleted");
                    refresh();
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button button : List.of(test, rotate, toggle, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(test, rotate, toggle, delete);
    }

    private void openCreate() {
        WebhookForm form = new WebhookForm(WebhookDraft.empty());
        Dialog dialog = Ui.dialog("New webhook", form);
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            try {
                showOnce(dialog, webhooks.create(save.draft()));
            } catch (WebhookUrlRefused refused) {
                form.refuseUrl(refused.getMessage());
            }
        });
    }

    private void showOnce(Dialog dialog, CreatedWebhook created) {
        dialog.removeAll();
        dialog.setHeaderTitle("Your webhook's signing secret");
        // the secret leaves the page with the dialog, however the dialog is closed
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog.removeAll();
            }
        });
        Button done = new Button("I have stored the secret", click -> dialog.close());
        done.setId("secret-done");
        dialog.add(new NewSecretPanel(created.secret()), done);
        refresh();
    }

    private void showRotated(RotatedSecret rotated) {
        Paragraph grace = new Paragraph("The previous secret keeps signing deliveries, beside this one, until "
                + Ui.time(rotated.previousSecretValidUntil()) + ".");
        Button done = new Button("I have stored the secret");
        done.setId("secret-done");
        Dialog dialog = Ui.dialog("Your webhook's new signing secret", new NewSecretPanel(rotated.secret()));
        dialog.add(grace, done);
        done.addClickListener(click -> dialog.close());
        // the secret leaves the page with the dialog, however the dialog is closed
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                dialog.removeAll();
            }
        });
        refresh();
    }

    private static String status(DeliverySummary delivery) {
        String answer = delivery.httpStatus() == null ? "no answer" : "HTTP " + delivery.httpStatus();
        return (delivery.delivered() ? "Delivered" : "Failed") + " (" + answer + ")";
    }

    private void refresh() {
        List<WebhookSummary> all = webhooks.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        noWebhooks.setVisible(all.isEmpty());
        List<DeliverySummary> recent = webhooks.recentDeliveries();
        deliveries.setItems(recent);
        deliveries.setVisible(!recent.isEmpty());
        noDeliveries.setVisible(recent.isEmpty());
    }
}
