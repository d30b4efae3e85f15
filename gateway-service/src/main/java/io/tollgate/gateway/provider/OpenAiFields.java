package io.tollgate.gateway.provider;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Fields of a client's OpenAI request, read for a provider whose format differs: a value of another JSON type than
 * the field's counts as absent, and what the provider cannot take is refused in OpenAI's error terms.
 */
public final class OpenAiFields {

    private OpenAiFields() {
    }

    public static @Nullable String string(JsonNode value) {
        return value.isString() ? value.asString() : null;
    }

    public static String requireString(JsonNode value, String param) {
        String string = string(value);
        if (string == null) {
            throw unsupported(param, "The request lacks a required string field in '" + param + "'.");
        }
        return string;
    }

    public static @Nullable Integer integer(JsonNode value) {
        return value.isNumber() ? value.asInt() : null;
    }

    public static @Nullable Double decimal(JsonNode value) {
        return value.isNumber() ? value.asDouble() : null;
    }

    /** {@code stop}: one string or an array of them; none when absent or empty. */
    public static @Nullable List<String> stopSequences(JsonNode stop) {
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        if (!stop.isArray() || stop.isEmpty()) {
            return null;
        }
        List<String> sequences = new ArrayList<>();
        stop.forEach(sequence -> {
            if (sequence.isString()) {
                sequences.add(sequence.asString());
            }
        });
        return sequences;
    }

    /** A request this provider cannot serve as sent: 400 {@code unsupported_for_provider}. */
    public static RejectedException unsupported(@Nullable String param, String message) {
        return Rejection.invalidRequest(param, "unsupported_for_provider", message).asException();
    }
}
