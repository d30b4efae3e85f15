package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.Nullable;

/**
 * The JSON payload of one ConverseStream event; which fields it has depends on the event's {@code :event-type}
 * header: {@code messageStart} (role), {@code contentBlockStart} (contentBlockIndex, start),
 * {@code contentBlockDelta} (contentBlockIndex, delta), {@code contentBlockStop} (contentBlockIndex),
 * {@code messageStop} (stopReason), {@code metadata} (usage, metrics). An exception event has only a message.
 */
public record StreamEvent(@Nullable String role, @Nullable Integer contentBlockIndex, @Nullable Start start,
                          @Nullable Delta delta, @Nullable String stopReason, @Nullable Usage usage,
                          @Nullable String message) {

    /** A tool use block's start: its id and name. Text blocks have no start event. */
    public record Start(ContentBlock.@Nullable ToolUse toolUse) {
    }

    /** A fragment of text, of a tool's input JSON ({@code toolUse.input}, a string), or of reasoning. */
    public record Delta(@Nullable String text, @Nullable ToolUseDelta toolUse, @Nullable ReasoningDelta reasoningContent) {
    }

    public record ToolUseDelta(@Nullable String input) {
    }

    public record ReasoningDelta(@Nullable String text) {
    }
}
