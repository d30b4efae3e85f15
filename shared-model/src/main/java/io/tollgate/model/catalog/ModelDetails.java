package io.tollgate.model.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What a platform administrator says about a catalog model: its name as clients send it, how it is shown, what it can
 * do, its limits, whether a subscription to it needs approval, and whether the gateway serves it.
 */
@NullMarked
public record ModelDetails(String name, String displayName, String description, List<String> capabilities,
                           int contextWindow, @Nullable Integer maxOutputTokens, boolean requiresApproval,
                           ModelStatus status) {

    public ModelDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(status, "status");
        if (contextWindow <= 0) {
            throw new IllegalArgumentException("The context window must be positive, was " + contextWindow);
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new IllegalArgumentException("Max output tokens must be positive when set, was " + maxOutputTokens);
        }
    }
}
