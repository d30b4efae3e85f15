package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tollgate.portal.admin.models.ModelAdminService.ModelRow;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.Ui;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A provider's deployments with their routing settings; each is added, edited or removed here. */
class DeploymentsDialog {

    private final DeploymentAdminService deployments;
    private final UUID providerId;
    private final String providerName;
    private final List<ModelRow> catalog;
    private final Grid<DeploymentAdminService.DeploymentRow> list = new Grid<>();

    DeploymentsDialog(DeploymentAdminService deployments, ProviderAdminService.ProviderRow provider,
                      List<ModelRow> catalog) {
        this.deployments = deployments;
        this.providerId = provider.id();
        this.providerName = provider.draft().name();
        this.catalog = catalog;
        list.addColumn(DeploymentAdminService.DeploymentRow::modelName).setHeader("Model").setAutoWidth(true);
        list.addColumn(d -> d.draft().upstreamModel()).setHeader("Upstream model").setAutoWidth(true);
        Counts.column(list, d -> d.draft().weight()).setHeader("Weight").setAutoWidth(true);
        Counts.column(list, d -> d.draft().priority()).setHeader("Priority").setAutoWidth(true);
        list.addColumn(d -> Counts.format(d.draft().requestsPerMinute(), "?") + " req / "
                + Counts.format(d.draft().tokensPerMinute(), "?") + " tok").setHeader("Capacity per minute")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        list.addColumn(d -> millis(d.draft().firstByteTimeoutMs())).setHeader("First byte").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        list.addColumn(d -> millis(d.draft().totalTimeoutMs())).setHeader("Total").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        list.addColumn(d -> millis(d.draft().connectTimeoutMs())).setHeader("Connect").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        list.addColumn(d -> millis(d.draft().idleTimeoutMs())).setHeader("Idle").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        list.addColumn(d -> cost(d.draft().costInputPerMillion()) + " / " + cost(d.draft().costOutputPerMillion()))
                .setHeader("Cost in / out per 1M").setAutoWidth(true);
        list.addColumn(d -> d.draft().enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
        list.addComponentColumn(deployment -> {
            Button edit = new Button("Edit", click -> edit(deployment, deployment.draft()));
            Button remove = new Button("Remove", click -> Ui.confirm("Remove this deployment?",
                    "The gateway stops routing " + deployment.modelName() + " here.", "Remove", () -> {
                        deployments.remove(deployment.id());
                        refresh();
                    }));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return new HorizontalLayout(edit, remove);
        }).setAutoWidth(true).setFrozenToEnd(true);
        list.setAllRowsVisible(true);
        list.setId("deployments-grid");
    }

    void open() {
        Button add = new Button("New deployment", click -> edit(null, DeploymentDraft.empty()));
        add.setId("new-deployment");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Dialog dialog = Ui.dialog("Deployments on " + providerName, new VerticalLayout(list, add));
        dialog.setWidth("min(72rem, 95vw)");
        refresh();
    }

    private void edit(DeploymentAdminService.@Nullable DeploymentRow deployment, DeploymentDraft draft) {
        DeploymentForm form = new DeploymentForm(draft, catalog, deployment != null);
        Dialog dialog = Ui.dialog(deployment == null ? "New deployment" : "Edit deployment", form);
        dialog.setWidth("min(44rem, 95vw)");
        form.addSaveListener(save -> {
            if (deployment == null) {
                deployments.add(providerId, save.draft());
            } else {
                deployments.update(deployment.id(), deployment.version(), save.draft());
            }
            dialog.close();
            Ui.success("Deployment saved");
            refresh();
        });
    }

    private void refresh() {
        list.setItems(deployments.deployments(providerId));
    }

    private static String millis(@Nullable Integer timeout) {
        return timeout == null ? "—" : Counts.format(timeout) + " ms";
    }

    private static String cost(@Nullable BigDecimal perMillion) {
        return perMillion == null ? "?" : "$" + perMillion.stripTrailingZeros().toPlainString();
    }
}
