package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One turn: {@code role} is {@code user} or {@code model} (none for a system instruction). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Content(@Nullable String role, @Nullable List<Part> parts) {
}
