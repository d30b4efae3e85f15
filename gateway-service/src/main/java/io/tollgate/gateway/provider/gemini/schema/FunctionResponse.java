package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A function's result sent back to the model; {@code response} must be a JSON object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionResponse(@Nullable String id, String name, JsonNode response) {
}
