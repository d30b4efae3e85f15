package io.tollgate.portal.admin.models;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tollgate.portal.common.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The ordered fallback models of one model: each row can be moved, removed and marked as covered by the original
 * subscription; new rows are picked from the other catalog models, each at most once.
 */
class FallbackChainField extends CustomField<List<Fallback>> {

    private final List<ModelAdminService.ModelRow> candidates;
    private final Map<UUID, String> names;
    private final List<Fallback> chain = new ArrayList<>();
    private final VerticalLayout rows = new VerticalLayout();
    private final ComboBox<ModelAdminService.ModelRow> pick = new ComboBox<>();

    /** {@code candidates}: the models this one may fall back to (never the model itself). */
    FallbackChainField(List<ModelAdminService.ModelRow> candidates) {
        super(List.of());
        this.candidates = candidates;
        this.names = candidates.stream().collect(Collectors.toMap(ModelAdminService.ModelRow::id,
                model -> model.draft().name()));
        rows.setPadding(false);
        rows.setSpacing(false);
        pick.setPlaceholder("Fall back to…");
        pick.setItemLabelGenerator(model -> model.draft().name());
        pick.setId("fallback-pick");
        Button add = new Button("Add fallback", click -> {
            if (!pick.isEmpty()) {
                chain.add(new Fallback(pick.getValue().id(), false));
                pick.clear();
                changed();
            }
        });
        add.setId("fallback-add");
        HorizontalLayout adder = new HorizontalLayout(pick, add);
        adder.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new VerticalLayout(rows, adder));
        render();
    }

    @Override
    protected List<Fallback> generateModelValue() {
        return List.copyOf(chain);
    }

    @Override
    protected void setPresentationValue(List<Fallback> fallbacks) {
        chain.clear();
        chain.addAll(fallbacks);
        render();
    }

    private void changed() {
        render();
        updateValue();
    }

    private void render() {
        rows.removeAll();
        if (chain.isEmpty()) {
            rows.add(Ui.emptyState("No fallback: when every deployment fails, the client gets the error."));
        }
        for (int position = 0; position < chain.size(); position++) {
            rows.add(row(position));
        }
        pick.setItems(candidates.stream()
                .filter(model -> chain.stream().noneMatch(f -> f.modelId().equals(model.id()))).toList());
    }

    private HorizontalLayout row(int position) {
        Fallback fallback = chain.get(position);
        Span name = new Span((position + 1) + ". " + names.getOrDefault(fallback.modelId(), "unknown model"));
        name.setMinWidth("12rem");
        Checkbox covered = new Checkbox("Covered by the original subscription", fallback.coveredBySubscription());
        covered.setId("fallback-covered-" + position);
        covered.addValueChangeListener(change -> {
            chain.set(position, new Fallback(fallback.modelId(), change.getValue()));
            updateValue();
        });
        Button up = small("Up", click -> move(position, position - 1));
        up.setEnabled(position > 0);
        Button down = small("Down", click -> move(position, position + 1));
        down.setEnabled(position < chain.size() - 1);
        Button remove = small("Remove", click -> {
            chain.remove(position);
            changed();
        });
        HorizontalLayout row = new HorizontalLayout(name, covered, up, down, remove);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        row.setId("fallback-" + position);
        return row;
    }

    private void move(int from, int to) {
        chain.add(to, chain.remove(from));
        changed();
    }

    private static Button small(String text, ComponentEventListener<ClickEvent<Button>> action) {
        Button button = new Button(text, action);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
