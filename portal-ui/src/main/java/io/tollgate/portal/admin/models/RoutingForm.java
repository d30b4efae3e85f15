package io.tollgate.portal.admin.models;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;
import java.util.List;
import java.util.UUID;

/** Edits how one model is routed: the strategy among its deployments and its fallback chain. */
public class RoutingForm extends Composite<FormLayout> {

    private final Binder<ModelRouting> binder = new Binder<>(ModelRouting.class);

    /** {@code catalog}: every model; the edited one is left out of the fallback choices. */
    public RoutingForm(UUID modelId, ModelRouting initial, List<ModelAdminService.ModelRow> catalog) {
        Select<RoutingStrategy> strategy = new Select<>();
        strategy.setLabel("Strategy among the deployments");
        strategy.setItems(RoutingStrategy.values());
        strategy.setItemLabelGenerator(RoutingStrategy::label);
        strategy.addValueChangeListener(change -> strategy.setHelperText(
                change.getValue() == null ? null : change.getValue().explanation()));
        strategy.setId("routing-strategy");
        binder.forField(strategy).asRequired("Pick a strategy").bind("strategy");
        FallbackChainField fallbacks = new FallbackChainField(catalog.stream()
                .filter(model -> !model.id().equals(modelId)).toList());
        fallbacks.setLabel("Fallback models, tried in this order when every deployment fails");
        fallbacks.setHelperText("Taken only for apps subscribed to the fallback, or when it is covered by the "
                + "original subscription; billed at the fallback's price.");
        binder.forField(fallbacks)
                .withValidator(chain -> chain.stream().noneMatch(f -> f.modelId().equals(modelId)),
                        "A model cannot fall back to itself")
                .withValidator(chain -> chain.stream().map(Fallback::modelId).distinct().count() == chain.size(),
                        "Each fallback model appears once")
                .bind("fallbacks");
        binder.readRecord(initial);
        Button save = new Button("Save routing",
                click -> Forms.valid(binder).ifPresent(routing -> fireEvent(new SaveEvent(this, routing))));
        save.setId("routing-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(strategy, fallbacks, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<RoutingForm> {

        private final ModelRouting routing;

        SaveEvent(RoutingForm source, ModelRouting routing) {
            super(source, false);
            this.routing = routing;
        }

        public ModelRouting routing() {
            return routing;
        }
    }
}
