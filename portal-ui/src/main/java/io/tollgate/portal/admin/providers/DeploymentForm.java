package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.admin.models.ModelAdminService.ModelRow;
import io.tollgate.portal.common.Forms;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Adds or edits one deployment: the model it serves (fixed once created), the upstream model, routing weight and
 * priority, the provider account's capacity, the first-byte timeout and the provider's cost.
 */
public class DeploymentForm extends Composite<FormLayout> {

    private final Binder<DeploymentDraft> binder = new Binder<>(DeploymentDraft.class);

    /** {@code existing}: editing a deployment (its model cannot change) rather than adding one. */
    public DeploymentForm(DeploymentDraft initial, List<ModelRow> catalog, boolean existing) {
        ComboBox<ModelRow> model = new ComboBox<>("Model");
        model.setItems(catalog);
        model.setItemLabelGenerator(m -> m.draft().name());
        model.setReadOnly(existing);
        model.setId("deployment-model");
        binder.forField(model).asRequired("Pick the model this deployment serves")
                .withConverter(row -> row == null ? null : row.id(), (UUID id) -> catalog.stream()
                        .filter(row -> Objects.equals(row.id(), id)).findFirst().orElse(null))
                .bind("modelId");
        TextField upstream = new TextField("Upstream model");
        upstream.setHelperText("The provider's name for the model");
        upstream.setId("deployment-upstream");
        binder.forField(upstream).asRequired(DeploymentDraft.UPSTREAM_RULE)
                .withValidator(DeploymentDraft::validUpstreamModel, DeploymentDraft.UPSTREAM_RULE).bind("upstreamModel");
        IntegerField weight = new IntegerField("Weight");
        weight.setHelperText("Share of traffic under weighted routing, 0-10000 (0 = none)");
        weight.setId("deployment-weight");
        binder.forField(weight).asRequired(DeploymentDraft.WEIGHT_RULE)
                .withValidator(DeploymentDraft::validWeight, DeploymentDraft.WEIGHT_RULE).bind("weight");
        IntegerField priority = new IntegerField("Priority");
        priority.setHelperText("Lower is tried first under priority failover");
        priority.setId("deployment-priority");
        binder.forField(priority).asRequired(DeploymentDraft.PRIORITY_RULE)
                .withValidator(DeploymentDraft::validPriority, DeploymentDraft.PRIORITY_RULE).bind("priority");
        IntegerField rpm = limit("Provider requests per minute", "unknown", "deployment-rpm");
        binder.forField(rpm).withValidator(DeploymentDraft::validLimit, DeploymentDraft.LIMIT_RULE)
                .bind("requestsPerMinute");
        IntegerField tpm = limit("Provider tokens per minute", "unknown", "deployment-tpm");
        binder.forField(tpm).withValidator(DeploymentDraft::validLimit, DeploymentDraft.LIMIT_RULE)
                .withConverter(v -> v == null ? null : v.longValue(), v -> v == null ? null : Math.toIntExact(v))
                .bind("tokensPerMinute");
        IntegerField firstByte = limit("First-byte timeout (ms)", "provider's response timeout",
                "deployment-first-byte");
        binder.forField(firstByte).withValidator(DeploymentDraft::validLimit, DeploymentDraft.TIMEOUT_RULE)
                .bind("firstByteTimeoutMs");
        IntegerField total = limit("Total timeout (ms)", "no limit of its own", "deployment-total");
        total.setHelperText("The whole answer, to a stream's last event; past it the next deployment is tried");
        binder.forField(total).withValidator(DeploymentDraft::validLimit, DeploymentDraft.TOTAL_TIMEOUT_RULE)
                .bind("totalTimeoutMs");
        IntegerField connect = limit("Connect timeout (ms)", "provider's connect timeout", "deployment-connect");
        binder.forField(connect).withValidator(DeploymentDraft::validLimit, DeploymentDraft.CONNECT_TIMEOUT_RULE)
                .bind("connectTimeoutMs");
        IntegerField idle = limit("Idle timeout between chunks (ms)", "provider's response timeout", "deployment-idle");
        idle.setHelperText("The longest silence between two chunks of an answer (before the first one too when no "
                + "first-byte timeout is set)");
        binder.forField(idle).withValidator(DeploymentDraft::validLimit, DeploymentDraft.TIMEOUT_RULE)
                .bind("idleTimeoutMs");
        BigDecimalField costInput = cost("Provider cost, input per 1M tokens", "deployment-cost-input");
        binder.forField(costInput).withValidator(DeploymentDraft::validCost, DeploymentDraft.COST_RULE)
                .bind("costInputPerMillion");
        BigDecimalField costOutput = cost("Provider cost, output per 1M tokens", "deployment-cost-output");
        binder.forField(costOutput).withValidator(DeploymentDraft::validCost, DeploymentDraft.COST_RULE)
                .withValidator(output -> DeploymentDraft.validCostPair(costInput.getValue(), output),
                        DeploymentDraft.COST_PAIR_RULE)
                .bind("costOutputPerMillion");
        Checkbox enabled = new Checkbox("Enabled (in the rotation)");
        binder.forField(enabled).bind("enabled");
        binder.readRecord(initial);
        Button save = new Button("Save deployment",
                click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        save.setId("deployment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(model, upstream, weight, priority, rpm, tpm, firstByte, total, connect, idle, enabled,
                costInput, costOutput, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    private static IntegerField limit(String label, String none, String id) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder(none);
        field.setId(id);
        return field;
    }

    private static BigDecimalField cost(String label, String id) {
        BigDecimalField field = new BigDecimalField(label);
        field.setPrefixComponent(new Span("$"));
        field.setPlaceholder("unknown (tried last by lowest cost)");
        field.setId(id);
        return field;
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<DeploymentForm> {

        private final DeploymentDraft draft;

        SaveEvent(DeploymentForm source, DeploymentDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public DeploymentDraft draft() {
            return draft;
        }
    }
}
