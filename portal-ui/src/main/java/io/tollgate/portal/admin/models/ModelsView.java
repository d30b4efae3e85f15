package io.tollgate.portal.admin.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tollgate.model.account.Roles;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.Ui;
import io.tollgate.portal.layout.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

@Route(value = "admin/models", layout = MainLayout.class)
@PageTitle("Models & prices · Tollgate")
@RolesAllowed(Roles.PLATFORM_ADMIN)
class ModelsView extends VerticalLayout {

    private final ModelAdminService models;
    private final ModelRoutingService routings;
    private final Grid<ModelAdminService.ModelRow> grid = new Grid<>();

    ModelsView(ModelAdminService models, ModelRoutingService routings) {
        this.models = models;
        this.routings = routings;
        grid.addColumn(m -> m.draft().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(m -> m.draft().displayName()).setHeader("Display name").setAutoWidth(true);
        Counts.column(grid, m -> m.draft().contextWindow()).setHeader("Context").setAutoWidth(true);
        grid.addColumn(m -> m.draft().requiresApproval() ? "yes" : "no").setHeader("Approval").setAutoWidth(true);
        grid.addColumn(m -> m.draft().status()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(m -> m.routingStrategy().label()).setHeader("Routing").setAutoWidth(true);
        grid.addComponentColumn(model -> {
            Button edit = new Button("Edit", click -> edit(model, model.draft()));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button prices = new Button("Prices", click -> prices(model));
            prices.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button routing = new Button("Routing", click -> routing(model));
            routing.addThemeVariants(ButtonVariant.LUMO_SMALL);
            routing.addClassName("routing-" + model.draft().name().replaceAll("[^A-Za-z0-9-]", "-"));
            return new HorizontalLayout(edit, prices, routing);
        }).setAutoWidth(true).setFrozenToEnd(true);
        grid.setId("models-grid");
        Button create = new Button("New model", click -> edit(null, ModelDraft.empty()));
        create.setId("new-model");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2("Models & prices"), create), grid);
        setSizeFull();
        refresh();
    }

    private void edit(ModelAdminService.@Nullable ModelRow model, ModelDraft draft) {
        ModelForm form = new ModelForm(draft);
        Dialog dialog = Ui.dialog(model == null ? "New model" : "Edit " + draft.name(), form);
        form.addSaveListener(save -> {
            if (model == null) {
                models.create(save.draft());
            } else {
                models.update(model.id(), model.version(), save.draft());
            }
            dialog.close();
            Ui.success("Model saved");
            refresh();
        });
    }

    private void routing(ModelAdminService.ModelRow model) {
        RoutingForm form = new RoutingForm(model.id(), routings.routing(model.id()), models.list());
        Dialog dialog = Ui.dialog("Routing of " + model.draft().name(), form);
        dialog.setWidth("min(48rem, 95vw)");
        form.addSaveListener(save -> {
            routings.save(model.id(), save.routing());
            dialog.close();
            Ui.success("Routing saved");
            refresh();
        });
    }

    private void prices(ModelAdminService.ModelRow model) {
        Grid<ModelAdminService.PriceRow> history = new Grid<>();
        history.addColumn(p -> Ui.time(p.draft().effectiveFrom())).setHeader("From").setAutoWidth(true);
        history.addColumn(p -> p.draft().inputPerMillion().toPlainString()).setHeader("Input");
        history.addColumn(p -> p.draft().cachedInputPerMillion().toPlainString()).setHeader("Cached");
        history.addColumn(p -> p.draft().cacheWriteInputPerMillion() == null ? "= input"
                : p.draft().cacheWriteInputPerMillion().toPlainString()).setHeader("Cache write");
        history.addColumn(p -> p.draft().outputPerMillion().toPlainString()).setHeader("Output");
        history.setAllRowsVisible(true);
        history.setItems(models.prices(model.id()));
        DateTimePicker from = new DateTimePicker("Effective from (UTC)");
        from.setValue(LocalDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0).plusMinutes(1));
        BigDecimalField input = money("Input per 1M");
        BigDecimalField cached = money("Cached input per 1M");
        BigDecimalField cacheWrite = money("Cache write per 1M");
        cacheWrite.setHelperText("Blank: the input price");
        BigDecimalField output = money("Output per 1M");
        Button add = new Button("Add price");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout form = new FlexLayout(from, input, cached, cacheWrite, output, add);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.getStyle().set("gap", "var(--lumo-space-m)");
        Dialog dialog = Ui.dialog("Prices of " + model.draft().name() + " (USD)",
                new VerticalLayout(history, new H4("New price (never rewrites past costs)"), form));
        dialog.setWidth("min(52rem, 95vw)");
        add.addClickListener(click -> {
            if (from.isEmpty() || input.isEmpty() || cached.isEmpty() || output.isEmpty()) {
                Ui.success(PriceDraft.REQUIRED_RULE);
                return;
            }
            models.addPrice(model.id(), new PriceDraft(from.getValue().toInstant(ZoneOffset.UTC), input.getValue(),
                    output.getValue(), cached.getValue(), null, cacheWrite.getValue()));
            history.setItems(models.prices(model.id()));
        });
    }

    private static BigDecimalField money(String label) {
        BigDecimalField field = new BigDecimalField(label);
        field.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
        field.addValueChangeListener(change -> field.setInvalid(!PriceDraft.validPrice(change.getValue())));
        field.setErrorMessage(PriceDraft.PRICE_RULE);
        return field;
    }

    private void refresh() {
        grid.setItems(models.list());
    }
}
