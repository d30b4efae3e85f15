package io.tollgate.portal.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

@Route(value = "apps", layout = MainLayout.class)
@PageTitle("Apps · Tollgate")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER, Roles.TENANT_BILLING})
class AppsView extends VerticalLayout {

    private final AppService apps;
    private final boolean tenantAdmin;
    private final Grid<AppSummary> grid = new Grid<>();
    private final VerticalLayout empty = new VerticalLayout(
            Ui.emptyState("No apps yet. Create an app, then give it API keys and subscribe it to models."));

    AppsView(AppService apps, CurrentUser currentUser) {
        this.apps = apps;
        this.tenantAdmin = currentUser.require().hasRole(Roles.TENANT_ADMIN);
        Button create = new Button("New app", click -> edit(null, new AppDraft("", "")));
        create.setId("new-app");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(AppSummary::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(AppSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(app -> app.cache().label()).setHeader("Response cache").setAutoWidth(true);
        grid.addColumn(app -> Ui.time(app.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setId("apps-grid");
        add(new HorizontalLayout(new H2("Apps"), create), empty, grid);
        refresh();
    }

    private HorizontalLayout actions(AppSummary app) {
        Button keys = new Button("API keys", click -> getUI().ifPresent(ui -> ui.navigate("apps/" + app.id() + "/keys")));
        keys.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button rename = new Button("Edit", click -> edit(app, new AppDraft(app.name(), app.description())));
        rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button archive = new Button("Archive", click -> Ui.confirm("Archive " + app.name() + "?",
                "Its keys stop working for new requests. Archived apps cannot be used again.", "Archive", () -> {
                    apps.archive(app.id());
                    refresh();
                }));
        archive.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        archive.setEnabled(app.active());
        rename.setEnabled(app.active());
        var actions = new HorizontalLayout(keys, rename);
        if (tenantAdmin) {
            Button cache = new Button("Cache", click -> editCache(app));
            cache.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cache.setEnabled(app.active());
            actions.add(cache);
        }
        actions.add(archive);
        return actions;
    }

    private void editCache(AppSummary app) {
        AppCacheForm form = new AppCacheForm(app.cache());
        Dialog dialog = Ui.dialog("Response cache of " + app.name(), form);
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            apps.changeCache(app.id(), app.version(), save.settings());
            dialog.close();
            Ui.success("Response cache " + (save.settings().enabled() ? "on" : "off") + " for " + app.name());
            refresh();
        });
    }

    private void edit(@Nullable AppSummary app, AppDraft draft) {
        AppForm form = new AppForm(draft);
        Dialog dialog = Ui.dialog(app == null ? "New app" : "Edit app", form);
        form.addCancelListener(cancel -> dialog.close());
        form.addSaveListener(save -> {
            if (app == null) {
                apps.create(save.draft());
            } else {
                apps.update(app.id(), app.version(), save.draft());
            }
            dialog.close();
            Ui.success("App saved");
            refresh();
        });
    }

    private void refresh() {
        var all = apps.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
    }
}
