package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A client tool: its name, description and the JSON schema of its input. */
public record Tool(String name, @Nullable String description, JsonNode inputSchema) {
}
