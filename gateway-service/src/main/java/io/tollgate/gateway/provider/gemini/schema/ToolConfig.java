package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How the model may use the tools: {@code mode} AUTO, ANY or NONE, optionally limited to some functions. */
public record ToolConfig(FunctionCallingConfig functionCallingConfig) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionCallingConfig(String mode, @Nullable List<String> allowedFunctionNames) {
    }
}
