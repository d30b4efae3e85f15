package io.tollgate.gateway.wire.anthropic;

import org.jspecify.annotations.Nullable;

/** {@code {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}}. */
public record ErrorResponse(String type, @Nullable Error error) {

    public record Error(String type, @Nullable String message) {
    }
}
