package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;
import java.util.Optional;

/**
 * Adds or edits a provider; the credential fields start empty and replace the stored credential only when filled.
 * A Bedrock provider asks for its AWS region and either AWS access keys (with an optional session token) or a
 * Bedrock API key instead of the one credential field the other types take. An OpenAI-wire provider (OpenAI,
 * OpenAI-compatible, Azure OpenAI) says whether its server accepts {@code stream_options}, on unless unchecked. Any
 * provider may have the gateway check its deployments' health every N seconds (empty: no checks). Its connect and
 * response timeouts apply to every deployment that sets none of its own.
 */
public class ProviderForm extends Composite<FormLayout> {

    static final String ACCESS_KEYS = "AWS access keys";
    static final String API_KEY = "Bedrock API key";
    static final String KEY_PAIR_RULE = "Give both the access key ID and the secret access key";

    private final Binder<ProviderDraft> binder = new Binder<>(ProviderDraft.class);
    private final Select<String> type = new Select<>();
    private final TextField region = new TextField("AWS region");
    private final Checkbox streamOptions = new Checkbox("Server accepts stream_options");
    private final IntegerField healthCheckSeconds = new IntegerField("Health check every N seconds");
    private final IntegerField connectTimeout = new IntegerField("Connect timeout (ms)");
    private final IntegerField responseTimeout = new IntegerField("Response timeout (ms)");
    private final PasswordField credential = secret("credential");
    private final RadioButtonGroup<String> bedrockAuth = new RadioButtonGroup<>("Bedrock credential");
    private final TextField accessKeyId = new TextField("Access key ID");
    private final PasswordField secretAccessKey = secret("bedrock-secret-access-key");
    private final PasswordField sessionToken = secret("bedrock-session-token");
    private final PasswordField bedrockApiKey = secret("bedrock-api-key");

    public ProviderForm(ProviderDraft initial, boolean hasCredential) {
        TextField name = new TextField("Name");
        name.setId("provider-name");
        binder.forField(name).asRequired("Name the provider").bind("name");
        type.setLabel("Type");
        type.setId("provider-type");
        type.setItems(ProviderDraft.TYPES);
        binder.forField(type).asRequired().bind("type");
        TextField baseUrl = new TextField("Base URL");
        baseUrl.setId("provider-base-url");
        binder.forField(baseUrl).withNullRepresentation("")
                .withValidator(v -> v == null || v.isBlank() || v.trim().matches("https?://\\S+"),
                        "Starts with http:// or https://").bind("baseUrl");
        region.setId("provider-region");
        region.setPlaceholder("us-east-1");
        binder.forField(region).withNullRepresentation("")
                .withValidator(r -> !ProviderDraft.BEDROCK.equals(type.getValue()) || ProviderDraft.validRegion(r),
                        ProviderDraft.REGION_RULE)
                .bind("region");
        streamOptions.setId("provider-stream-options");
        streamOptions.setTooltipText("Uncheck for a server that refuses stream_options (some vLLM, NIM or older Azure"
                + " API versions): the gateway then counts its streams' tokens itself and marks them estimated");
        binder.forField(streamOptions).bind("acceptsStreamOptions");
        healthCheckSeconds.setId("provider-health-check-seconds");
        healthCheckSeconds.setPlaceholder("off");
        healthCheckSeconds.setHelperText("Empty: no health checks");
        healthCheckSeconds.setMin(ProviderDraft.MIN_HEALTH_CHECK_SECONDS);
        healthCheckSeconds.setMax(ProviderDraft.MAX_HEALTH_CHECK_SECONDS);
        healthCheckSeconds.setTooltipText("The gateway sends each deployment a cheap request this often; one that fails"
                + " takes the deployment out of the rotation until a check passes");
        binder.forField(healthCheckSeconds)
                .withValidator(ProviderDraft::validHealthCheck, ProviderDraft.HEALTH_CHECK_RULE)
                .bind("healthCheckSeconds");
        connectTimeout.setId("provider-connect-timeout");
        connectTimeout.setHelperText("To open a connection; a deployment may set its own");
        connectTimeout.setMin(1);
        connectTimeout.setMax(ProviderDraft.MAX_CONNECT_TIMEOUT_MS);
        binder.forField(connectTimeout)
                .withValidator(ProviderDraft::validConnectTimeout, ProviderDraft.CONNECT_TIMEOUT_RULE)
                .bind("connectTimeoutMs");
        responseTimeout.setId("provider-response-timeout");
        responseTimeout.setHelperText("The longest wait for each read of an answer; a deployment may set its own");
        responseTimeout.setMin(1);
        responseTimeout.setMax(ProviderDraft.MAX_RESPONSE_TIMEOUT_MS);
        binder.forField(responseTimeout)
                .withValidator(ProviderDraft::validResponseTimeout, ProviderDraft.RESPONSE_TIMEOUT_RULE)
                .bind("responseTimeoutMs");
        Checkbox enabled = new Checkbox("Enabled");
        binder.forField(enabled).bind("enabled");
        String replace = hasCredential ? " (stored; leave empty to keep)" : "";
        credential.setLabel(hasCredential ? "Replace credential (stored; leave empty to keep)" : "Credential (API key)");
        accessKeyId.setId("bedrock-access-key-id");
        secretAccessKey.setLabel("Secret access key" + replace);
        sessionToken.setLabel("Session token (temporary credentials only)");
        bedrockApiKey.setLabel("Bedrock API key" + replace);
        bedrockAuth.setId("bedrock-auth");
        bedrockAuth.setItems(ACCESS_KEYS, API_KEY);
        bedrockAuth.setValue(ACCESS_KEYS);
        bedrockAuth.addValueChangeListener(change -> showFields());
        type.addValueChangeListener(change -> showFields());
        binder.readRecord(initial);
        showFields();
        Button save = new Button("Save provider", click -> Forms.valid(binder).flatMap(this::ofItsType)
                .ifPresent(draft -> secretFor(draft).ifPresent(secret -> {
                    clearSecrets();
                    fireEvent(new SaveEvent(this, draft, secret));
                })));
        save.setId("provider-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(name, type, baseUrl, region, streamOptions, healthCheckSeconds, connectTimeout, responseTimeout,
                credential, bedrockAuth, accessKeyId, secretAccessKey, sessionToken, bedrockApiKey, enabled, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    /** The region belongs to Bedrock providers only, stream_options to OpenAI-wire ones; other types save neither. */
    private Optional<ProviderDraft> ofItsType(ProviderDraft draft) {
        return Optional.of(new ProviderDraft(draft.name(), draft.type(), draft.baseUrl(), draft.enabled(),
                draft.bedrock() && draft.region() != null ? draft.region().strip() : null,
                !ProviderDraft.openAiWire(draft.type()) || draft.acceptsStreamOptions(), draft.healthCheckSeconds(),
                draft.connectTimeoutMs(), draft.responseTimeoutMs()));
    }

    /** The credential to store ('' keeps the stored one); empty when the Bedrock key pair is half filled. */
    private Optional<String> secretFor(ProviderDraft draft) {
        if (!draft.bedrock()) {
            return Optional.of(credential.getValue());
        }
        if (API_KEY.equals(bedrockAuth.getValue())) {
            return Optional.of(bedrockApiKey.getValue());
        }
        boolean hasId = !accessKeyId.getValue().isBlank();
        boolean hasSecret = !secretAccessKey.getValue().isBlank();
        if (!hasId && !hasSecret && sessionToken.getValue().isBlank()) {
            return Optional.of("");
        }
        if (!hasId || !hasSecret) {
            accessKeyId.setInvalid(!hasId);
            accessKeyId.setErrorMessage(KEY_PAIR_RULE);
            secretAccessKey.setInvalid(!hasSecret);
            secretAccessKey.setErrorMessage(KEY_PAIR_RULE);
            return Optional.empty();
        }
        return Optional.of(BedrockCredential.accessKeys(accessKeyId.getValue(), secretAccessKey.getValue(),
                sessionToken.getValue()));
    }

    private void showFields() {
        boolean bedrock = ProviderDraft.BEDROCK.equals(type.getValue());
        boolean keys = ACCESS_KEYS.equals(bedrockAuth.getValue());
        region.setVisible(bedrock);
        streamOptions.setVisible(ProviderDraft.openAiWire(type.getValue()));
        credential.setVisible(!bedrock);
        bedrockAuth.setVisible(bedrock);
        accessKeyId.setVisible(bedrock && keys);
        secretAccessKey.setVisible(bedrock && keys);
        sessionToken.setVisible(bedrock && keys);
        bedrockApiKey.setVisible(bedrock && !keys);
    }

    private void clearSecrets() {
        for (var field : new PasswordField[] {credential, secretAccessKey, sessionToken, bedrockApiKey}) {
            field.clear();
        }
        accessKeyId.clear();
    }

    private static PasswordField secret(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setRevealButtonVisible(false);
        field.setAutocomplete(Autocomplete.OFF);
        return field;
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<ProviderForm> {

        private final ProviderDraft draft;
        private final String credential;

        SaveEvent(ProviderForm source, ProviderDraft draft, String credential) {
            super(source, false);
            this.draft = draft;
            this.credential = credential;
        }

        public ProviderDraft draft() {
            return draft;
        }

        public String credential() {
            return credential;
        }
    }
}
