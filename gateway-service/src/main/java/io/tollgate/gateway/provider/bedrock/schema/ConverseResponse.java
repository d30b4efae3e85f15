package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.Nullable;

/** The answer of {@code POST /model/{modelId}/converse}. */
public record ConverseResponse(@Nullable Output output, @Nullable String stopReason, @Nullable Usage usage) {

    public record Output(@Nullable Message message) {
    }
}
