package io.tollgate.portal.admin.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The routing form explains the chosen strategy and offers only other models, each once, as fallbacks. */
class RoutingFormTest {

    private final ModelAdminService.ModelRow edited = model("edited");
    private final ModelAdminService.ModelRow first = model("first");
    private final ModelAdminService.ModelRow second = model("second");
    private final List<ModelRouting> saved = new ArrayList<>();

    @Test
    void the_helper_text_explains_the_chosen_strategy() {
        RoutingForm form = form(new ModelRouting(RoutingStrategy.WEIGHTED, List.of()));
        @SuppressWarnings("unchecked")
        Select<RoutingStrategy> strategy = find(form, Select.class, "routing-strategy");

        assertThat(strategy.getHelperText()).startsWith("Canary splits");
        strategy.setValue(RoutingStrategy.PRIORITY);
        assertThat(strategy.getHelperText())
                .isEqualTo("Lowest priority value first; the next tier only when the tier is unhealthy or saturated.");
    }

    @Test
    void fallbacks_are_other_models_each_once_in_the_order_the_administrator_sets() {
        RoutingForm form = form(new ModelRouting(RoutingStrategy.PRIORITY, List.of(new Fallback(first.id(), true))));
        @SuppressWarnings("unchecked")
        ComboBox<ModelAdminService.ModelRow> pick = find(form, ComboBox.class, "fallback-pick");
        assertThat(pick.getListDataView().getItems()).containsExactly(second);

        pick.setValue(second);
        find(form, Button.class, "fallback-add").click();
        assertThat(pick.getListDataView().getItems()).isEmpty();
        button(find(form, Component.class, "fallback-1"), "Up").click();
        find(form, Button.class, "routing-save").click();

        assertThat(saved).containsExactly(new ModelRouting(RoutingStrategy.PRIORITY,
                List.of(new Fallback(second.id(), false), new Fallback(first.id(), true))));
    }

    private RoutingForm form(ModelRouting initial) {
        RoutingForm form = new RoutingForm(edited.id(), initial, List.of(edited, first, second));
        form.addSaveListener(save -> saved.add(save.routing()));
        return form;
    }

    private static ModelAdminService.ModelRow model(String name) {
        ModelDraft draft = ModelDraft.empty();
        return new ModelAdminService.ModelRow(UUID.randomUUID(), new ModelDraft(name, name, "", draft.capabilities(),
                draft.contextWindow(), null, false, "ACTIVE"), RoutingStrategy.PRIORITY, 0);
    }

    private static Button button(Component root, String text) {
        return all(root).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getText().equals(text)).findFirst().orElseThrow();
    }

    private static <T extends Component> T find(Component root, Class<T> type, String id) {
        return all(root).filter(type::isInstance).map(type::cast)
                .filter(component -> component.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(RoutingFormTest::all));
    }
}
