package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.admin.models.ModelAdminService;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

@Route(value = "admin/providers", layout = MainLayout.class)
@PageTitle("Providers · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class ProvidersView extends VerticalLayout {

    private final ProviderAdminService providers;
    private final DeploymentAdminService deployments;
    private final ModelAdminService models;
    private final Grid<ProviderAdminService.ProviderRow> grid = new Grid<>();

    ProvidersView(ProviderAdminService providers, DeploymentAdminService deployments, ConnectionCheck connections,
                  ModelAdminService models) {
        this.providers = providers;
        this.deployments = deployments;
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
            edit.addClassName("edit-" + provider.draft().name().replaceAll("[^A-Za-z0-9-]", "-"));
            Button test = new Button("Test connection", click -> Notification.show(connections.check(provider.id()),
                    5000, Notification.Position.TOP_CENTER));
            Button deploymentList = new Button("Deployments",
                    click -> new DeploymentsDialog(deployments, provider, models.list()).open());
            deploymentList.addClassName("deployments-" + provider.draft().name().replaceAll("[^A-Za-z0-9-]", "-"));
            for (Button button : new Button[] {edit, test, deploymentList}) {
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            }
            return new HorizontalLayout(edit, test, deploymentList);
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.setId("providers-grid");
        Button create = new Button("New provider", click -> edit(null, ProviderDraft.blank(), false));
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

    private void refresh() {
        grid.setItems(providers.list());
    }
}
