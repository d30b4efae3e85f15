package io.tollgate.gateway.provider.bedrock.schema;

import java.util.List;

/** One turn of a conversation, {@code user} or {@code assistant}, with its content blocks. */
public record Message(String role, List<ContentBlock> content) {
}
