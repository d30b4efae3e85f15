package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A call the model asks for; {@code args} is a JSON object, {@code id} present on newer models. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCall(@Nullable String id, String name, @Nullable JsonNode args) {
}
