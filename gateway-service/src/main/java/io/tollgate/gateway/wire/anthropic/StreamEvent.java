package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;

/**
 * One event of a Messages stream, by its {@code type}: {@code message_start} (message), {@code content_block_start}
 * (index, content_block), {@code content_block_delta} (index, delta), {@code content_block_stop} (index),
 * {@code message_delta} (delta with stop_reason, usage), {@code message_stop}, {@code ping}, {@code error} (error).
 */
public record StreamEvent(String type, @Nullable MessagesResponse message, @Nullable Integer index,
                          @Nullable ContentBlock contentBlock, @Nullable Delta delta, @Nullable Usage usage,
                          ErrorResponse.@Nullable Error error) {

    /**
     * A block's delta ({@code text_delta}, {@code input_json_delta}, {@code thinking_delta}, {@code signature_delta})
     * or the message's ({@code stop_reason}, {@code stop_sequence}; no type).
     */
    public record Delta(@Nullable String type, @Nullable String text, @Nullable String partialJson,
                        @Nullable String thinking, @Nullable String stopReason, @Nullable String stopSequence) {
    }
}
