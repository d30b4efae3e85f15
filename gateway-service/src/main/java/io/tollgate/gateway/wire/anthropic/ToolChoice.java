package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;

/** {@code auto}, {@code any}, {@code none}, or {@code tool} with the tool's name. */
public record ToolChoice(String type, @Nullable String name, @Nullable Boolean disableParallelToolUse) {

    public static ToolChoice of(String type, @Nullable Boolean disableParallelToolUse) {
        return new ToolChoice(type, null, disableParallelToolUse);
    }

    public static ToolChoice tool(String name, @Nullable Boolean disableParallelToolUse) {
        return new ToolChoice("tool", name, disableParallelToolUse);
    }
}
