package io.tollgate.portal.admin.models;

import org.jspecify.annotations.Nullable;

/** A catalog model as edited; capabilities as a comma-separated list such as "chat,streaming,tools". */
public record ModelDraft(String name, String displayName, String description, String capabilities,
                         @Nullable Integer contextWindow, @Nullable Integer maxOutputTokens, boolean requiresApproval,
                         String status) {

    public static ModelDraft empty() {
        return new ModelDraft("", "", "", "chat,streaming", 128_000, null, true, "ACTIVE");
    }
}
