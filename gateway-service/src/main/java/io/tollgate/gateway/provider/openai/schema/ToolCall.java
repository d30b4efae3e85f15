package io.tollgate.gateway.provider.openai.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A function call of an assistant message; in a stream's delta, its {@code index} says which call a fragment
 * continues and only the first fragment carries id, type and name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable Integer index, @Nullable String id, @Nullable String type, Function function) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(@Nullable String name, @Nullable String arguments) {
    }
}
