package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.portal.admin.models.ModelAdminService;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

@Route(value = "admin/providers", layout = MainLayout.class)
@PageTitle("Providers · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class ProvidersView extends VerticalLayout {

    private final ProviderAdminService providers;
    private final ModelAdminService models;
    private final Grid<ProviderAdminService.ProviderRow> grid = new Grid<>();

    ProvidersView(ProviderAdminService providers, ConnectionCheck connections, ModelAdminService models) {
        this.providers = providers;
        this.models = models;
        grid.addColumn(p -> p.draft().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> p.draft().type()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(p -> p.draft().baseUrl() == null ? "—" : p.draft().baseUrl()).setHeader("Base URL")
                .setAutoWidth(true);
        grid.addColumn(p -> p.hasCredential() ? "stored (encrypted)" : "none").setHeader("Credential")
                .setAutoWidth(true);
        grid.addColumn(p -> p.draft().enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(provider -> {
            Button edit = new Button("Edit", click -> edit(provider.id(), provider.draft(), provider.hasCredential()));
            Button test = new Button("Test connection", click -> Notification.show(connections.check(provider.id()),
                    5000, Notification.Position.TOP_CENTER));
            Button deployments = new Button("Deployments", click -> deployments(provider));
            for (Button button : new Button[] {edit, test, deployments}) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
            return new HorizontalLayout(edit, test, deployments);
        }).setAutoWidth(true);
        grid.setId("providers-grid");
        Button create = new Button("New provider", click -> edit(null, new ProviderDraft("", "OPENAI", "", true), false));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2("Providers & deployments"), create), grid);
        setSizeFull();
        refresh();
    }

    private void edit(UUID providerId, ProviderDraft draft, boolean hasCredential) {
        ProviderForm form = new ProviderForm(draft, hasCredential);
        Dialog dialog = Ui.dialog(providerId == null ? "New provider" : "Edit " + draft.name(), form);
        form.addSaveListener(save -> {
            providers.save(providerId, save.draft(), save.credential());
            dialog.close();
            Ui.success("Provider saved");
            refresh();
        });
    }

    private void deployments(ProviderAdminService.ProviderRow provider) {
        Grid<ProviderAdminService.DeploymentRow> list = new Grid<>();
        list.addColumn(ProviderAdminService.DeploymentRow::modelName).setHeader("Model");
        list.addColumn(ProviderAdminService.DeploymentRow::upstreamModel).setHeader("Upstream model");
        list.addColumn(ProviderAdminService.DeploymentRow::weight).setHeader("Weight");
        list.addColumn(ProviderAdminService.DeploymentRow::priority).setHeader("Priority");
        list.addComponentColumn(deployment -> new Button("Remove", click -> Ui.confirm("Remove this deployment?",
                "The gateway stops routing " + deployment.modelName() + " here.", "Remove", () -> {
                    providers.removeDeployment(deployment.id());
                    list.setItems(providers.deployments(provider.id()));
                })));
        list.setAllRowsVisible(true);
        list.setItems(providers.deployments(provider.id()));
        ComboBox<ModelAdminService.ModelRow> model = new ComboBox<>("Model");
        model.setItems(models.list());
        model.setItemLabelGenerator(m -> m.draft().name());
        TextField upstream = new TextField("Upstream model");
        IntegerField weight = new IntegerField("Weight");
        weight.setValue(100);
        IntegerField priority = new IntegerField("Priority");
        priority.setValue(0);
        Button add = new Button("Add deployment", click -> {
            if (model.isEmpty() || upstream.isEmpty() || weight.isEmpty() || priority.isEmpty()) {
                Ui.success("Pick a model and fill in every field");
                return;
            }
            providers.addDeployment(provider.id(), model.getValue().id(), upstream.getValue(), weight.getValue(),
                    priority.getValue());
            list.setItems(providers.deployments(provider.id()));
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(model, upstream, weight, priority, add);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        Dialog dialog = Ui.dialog("Deployments on " + provider.draft().name(),
                new VerticalLayout(list, new H4("Map a model to this provider"), form));
        dialog.setWidth("min(52rem, 95vw)");
    }

    private void refresh() {
        grid.setItems(providers.list());
    }
}
