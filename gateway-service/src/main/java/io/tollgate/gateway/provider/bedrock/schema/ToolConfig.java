package io.tollgate.gateway.provider.bedrock.schema;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The tools a request offers and how the model must choose among them. */
public record ToolConfig(List<Tool> tools, @Nullable ToolChoice toolChoice) {

    /** {@code {"toolSpec": {"name", "description", "inputSchema": {"json": {...}}}}}. */
    public record Tool(ToolSpec toolSpec) {

        public static Tool of(String name, @Nullable String description, JsonNode schema) {
            return new Tool(new ToolSpec(name, description, new InputSchema(schema)));
        }
    }

    public record ToolSpec(String name, @Nullable String description, InputSchema inputSchema) {
    }

    public record InputSchema(JsonNode json) {
    }

    /** A union: {@code {"auto": {}}}, {@code {"any": {}}} or {@code {"tool": {"name": "..."}}}. */
    public record ToolChoice(@Nullable Map<String, String> auto, @Nullable Map<String, String> any,
                             @Nullable Map<String, String> tool) {

        public static ToolChoice ofAuto() {
            return new ToolChoice(Map.of(), null, null);
        }

        public static ToolChoice ofAny() {
            return new ToolChoice(null, Map.of(), null);
        }

        public static ToolChoice ofTool(String name) {
            return new ToolChoice(null, null, Map.of("name", name));
        }
    }
}
