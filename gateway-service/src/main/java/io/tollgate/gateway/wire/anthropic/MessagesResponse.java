package io.tollgate.gateway.wire.anthropic;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of {@code POST /v1/messages}: {@code type: "message"}, also the message of a stream's {@code message_start}. */
public record MessagesResponse(String id, String type, String role, String model, List<ContentBlock> content,
                               @Nullable String stopReason, @Nullable String stopSequence, @Nullable Usage usage) {
}
