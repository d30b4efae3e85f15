package io.tollgate.portal.admin.providers;

import org.jspecify.annotations.Nullable;

/** A provider's non-secret settings; its credential is set apart and never read back. */
public record ProviderDraft(String name, String type, @Nullable String baseUrl, boolean enabled) {
}
