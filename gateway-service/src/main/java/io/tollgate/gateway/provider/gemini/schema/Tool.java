package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tools the model may call: here only declared functions. */
public record Tool(List<FunctionDeclaration> functionDeclarations) {

    /**
     * {@code parametersJsonSchema} takes an OpenAI tool's JSON Schema as it is; {@code parameters} would take only
     * OpenAPI's subset, which refuses {@code additionalProperties} (present in every strict OpenAI schema).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionDeclaration(String name, @Nullable String description, @Nullable JsonNode parametersJsonSchema) {
    }
}
