package io.tollgate.portal.admin.plans;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;

/** Edits a tier's limits, markup and cache hit price; an empty limit field means unlimited. */
public class PlanForm extends Composite<FormLayout> {

    private final Binder<PlanDraft> binder = new Binder<>(PlanDraft.class);

    public PlanForm(PlanDraft initial) {
        TextField name = new TextField("Name");
        binder.forField(name).asRequired(PlanDraft.NAME_RULE).withValidator(PlanDraft::validName, PlanDraft.NAME_RULE)
                .bind("name");
        IntegerField rpm = Forms.optionalLimit(binder, "requestsPerMinute", "Requests per minute", "unlimited");
        IntegerField rph = Forms.optionalLimit(binder, "requestsPerHour", "Requests per hour", "unlimited");
        IntegerField tpm = Forms.optionalLongLimit(binder, "tokensPerMinute", "Tokens per minute", "unlimited");
        IntegerField tpd = Forms.optionalLongLimit(binder, "tokensPerDay", "Tokens per day", "unlimited");
        IntegerField concurrent = Forms.optionalLimit(binder, "maxConcurrentRequests", "Concurrent requests", "unlimited");
        IntegerField maxTokens = Forms.optionalLimit(binder, "maxTokensPerRequest", "Max tokens per request", "unlimited");
        BigDecimalField markup = new BigDecimalField("Markup % (negative = discount)");
        binder.forField(markup).asRequired().withValidator(PlanDraft::validMarkup, PlanDraft.MARKUP_RULE)
                .bind("markupPercent");
        BigDecimalField cacheHitPrice = new BigDecimalField("Cache hit price (USD per million tokens)");
        cacheHitPrice.setId("plan-cache-hit-price");
        cacheHitPrice.setHelperText("Charged for an answer from the gateway's response cache, on the tokens it used"
                + " when it was kept; 0 serves hits free");
        binder.forField(cacheHitPrice).asRequired(PlanDraft.CACHE_PRICE_RULE)
                .withValidator(PlanDraft::validCachePrice, PlanDraft.CACHE_PRICE_RULE).bind("cacheHitPerMillion");
        binder.readRecord(initial);
        Button save = new Button("Save plan",
                click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("plan-save");
        getContent().add(name, rpm, rph, tpm, tpd, concurrent, maxTokens, markup, cacheHitPrice, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<PlanForm> {

        private final PlanDraft draft;

        SaveEvent(PlanForm source, PlanDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public PlanDraft draft() {
            return draft;
        }
    }
}
