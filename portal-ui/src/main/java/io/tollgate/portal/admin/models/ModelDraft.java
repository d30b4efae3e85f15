package io.tollgate.portal.admin.models;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A catalog model as edited; capabilities as a comma-separated list such as "chat,streaming,tools". The rules below
 * are checked by the form, field by field, and again by the service (which the management API calls as well).
 */
public record ModelDraft(String name, String displayName, String description, String capabilities,
                         @Nullable Integer contextWindow, @Nullable Integer maxOutputTokens, boolean requiresApproval,
                         String status) {

    public static final List<String> STATUSES = List.of("ACTIVE", "DEPRECATED", "DISABLED");
    static final String NAME_RULE = "Letters, digits and . _ : / - only, at most 128 characters";
    static final String DISPLAY_NAME_RULE = "Give a display name (at most 200 characters)";
    static final String POSITIVE_RULE = "Must be positive";

    public static ModelDraft empty() {
        return new ModelDraft("", "", "", "chat,streaming", 128_000, null, true, "ACTIVE");
    }

    static boolean validName(@Nullable String name) {
        return name != null && name.strip().matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    }

    static boolean validDisplayName(@Nullable String displayName) {
        return displayName != null && !displayName.isBlank() && displayName.strip().length() <= 200;
    }

    static boolean validContextWindow(@Nullable Integer tokens) {
        return tokens != null && tokens > 0;
    }

    static boolean validMaxOutput(@Nullable Integer tokens) {
        return tokens == null || tokens > 0;
    }

    /** Why the draft cannot be saved, or null when it can. */
    @Nullable String problem() {
        if (!validName(name)) {
            return "Model name: " + NAME_RULE.toLowerCase();
        }
        if (!validDisplayName(displayName)) {
            return DISPLAY_NAME_RULE;
        }
        if (!validContextWindow(contextWindow)) {
            return "Context window: " + POSITIVE_RULE.toLowerCase();
        }
        if (!validMaxOutput(maxOutputTokens)) {
            return "Max output tokens: " + POSITIVE_RULE.toLowerCase() + " or empty";
        }
        return STATUSES.contains(status) ? null : "Status is one of " + String.join(", ", STATUSES);
    }
}
