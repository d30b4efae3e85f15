package io.tollgate.portal.budgets;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;
import io.tollgate.portal.common.PortalException;
import java.util.Map;
import java.util.UUID;

/** Create or edit a budget; the app and model pickers appear only for the scopes that need them. */
public class BudgetForm extends Composite<FormLayout> {

    final Select<String> scope = new Select<>();
    final ComboBox<UUID> app = new ComboBox<>("App");
    final ComboBox<UUID> model = new ComboBox<>("Model");
    final Select<String> period = new Select<>();
    final BigDecimalField amount = new BigDecimalField("Amount (USD)");
    final TextField thresholds = new TextField("Alert thresholds (% of amount)");
    final Select<String> action = new Select<>();
    final ComboBox<UUID> downgradeTo = new ComboBox<>("Downgrade to");
    final Button save = new Button("Save budget");
    private final Binder<BudgetDraft> binder = new Binder<>(BudgetDraft.class);

    /** @param apps active apps of the tenant by id, @param models active models by id, for the pickers */
    public BudgetForm(BudgetDraft initial, Map<UUID, String> apps, Map<UUID, String> models) {
        scope.setLabel("Applies to");
        scope.setItems("TENANT", "APP", "APP_MODEL");
        scope.setItemLabelGenerator(s -> switch (s) {
            case "APP" -> "One app";
            case "APP_MODEL" -> "One app and model";
            default -> "The whole tenant";
        });
        period.setLabel("Period");
        period.setItems("DAY", "WEEK", "MONTH");
        action.setLabel("At 100 %");
        action.setItems("BLOCK", "DOWNGRADE", "ALERT_ONLY");
        app.setItems(apps.keySet());
        app.setItemLabelGenerator(id -> apps.getOrDefault(id, "archived app"));
        model.setItems(models.keySet());
        model.setItemLabelGenerator(id -> models.getOrDefault(id, "?"));
        downgradeTo.setItems(models.keySet());
        downgradeTo.setItemLabelGenerator(id -> models.getOrDefault(id, "?"));
        binder.forField(scope).asRequired().bind("scope");
        binder.forField(app).withValidator(id -> id != null || scope.getValue().equals("TENANT"), "Pick an app")
                .bind("appId");
        binder.forField(model).withValidator(id -> id != null || !scope.getValue().equals("APP_MODEL"), "Pick a model")
                .bind("modelId");
        binder.forField(period).asRequired().bind("period");
        binder.forField(amount).asRequired("Enter an amount")
                .withValidator(value -> value.signum() > 0, "Must be more than zero").bind("amountUsd");
        binder.forField(thresholds).asRequired("e.g. 50,80,100").withValidator(BudgetForm::validThresholds,
                "Whole percentages between 1 and 1000, separated by commas").bind("thresholds");
        binder.forField(action).asRequired().bind("action");
        binder.forField(downgradeTo)
                .withValidator(id -> id != null || !"DOWNGRADE".equals(action.getValue()), "Pick the cheaper model")
                .bind("downgradeModelId");
        binder.readRecord(initial);
        scope.addValueChangeListener(change -> showPickers());
        action.addValueChangeListener(change -> showPickers());
        showPickers();
        amount.setId("budget-amount");
        save.setId("budget-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        getContent().add(scope, app, model, period, amount, thresholds, action, downgradeTo,
                new HorizontalLayout(save, cancel));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    private void showPickers() {
        app.setVisible(!"TENANT".equals(scope.getValue()));
        model.setVisible("APP_MODEL".equals(scope.getValue()));
        downgradeTo.setVisible("DOWNGRADE".equals(action.getValue()));
        if (!app.isVisible()) {
            app.clear();
        }
        if (!model.isVisible()) {
            model.clear();
        }
        if (!downgradeTo.isVisible()) {
            downgradeTo.clear();
        }
    }

    private static boolean validThresholds(String text) {
        try {
            BudgetRules.parseThresholds(text);
            return true;
        } catch (PortalException invalid) {
            return false;
        }
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<BudgetForm> {

        private final BudgetDraft draft;

        SaveEvent(BudgetForm source, BudgetDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public BudgetDraft draft() {
            return draft;
        }
    }

    public static class CancelEvent extends ComponentEvent<BudgetForm> {

        CancelEvent(BudgetForm source) {
            super(source, false);
        }
    }
}
