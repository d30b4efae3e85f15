package io.tollgate.gateway.provider;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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

    /**
     * The texts of a message's content: the string, or its {@code text} and {@code refusal} parts; empty ones left
     * out. Any other part is refused, since only text can stand there.
     */
    public static List<String> texts(JsonNode content) {
        return texts(content, Function.identity());
    }

    /** {@link #texts(JsonNode)}, each made into the provider's block; the list may be added to. */
    public static <B> List<B> texts(JsonNode content, Function<String, B> block) {
        List<B> blocks = new ArrayList<>();
        if (content.isString()) {
            if (!content.asString().isEmpty()) {
                blocks.add(block.apply(content.asString()));
            }
            return blocks;
        }
        for (JsonNode part : content) {
            String type = string(part.path("type"));
            if (!"text".equals(type) && !"refusal".equals(type)) {
                throw unsupported("messages", "Content of type '" + type + "' is not accepted in this message.");
            }
            String text = string(part.path(type));
            if (text != null && !text.isEmpty()) {
                blocks.add(block.apply(text));
            }
        }
        return blocks;
    }

    /**
     * A user message's content as the provider's blocks: the string or the {@code text} parts through {@code text},
     * the {@code image_url} parts through {@code image}; any other part is refused.
     */
    public static <B> List<B> userContent(JsonNode content, Function<String, B> text, Function<JsonNode, B> image) {
        if (!content.isArray()) {
            return texts(content, text);
        }
        List<B> blocks = new ArrayList<>();
        for (JsonNode part : content) {
            String type = string(part.path("type"));
            switch (type == null ? "" : type) {
                case "text" -> {
                    String piece = string(part.path("text"));
                    if (piece != null && !piece.isEmpty()) {
                        blocks.add(text.apply(piece));
                    }
                }
                case "image_url" -> blocks.add(image.apply(part.path("image_url")));
                default -> throw unsupported("messages", "Content of type '" + type
                        + "' cannot be sent to this model's provider; text and image_url are supported.");
            }
        }
        return blocks;
    }

    /** A tool call's {@code function.arguments} as JSON: an empty object when absent or blank. */
    public static JsonNode toolCallArguments(JsonNode function, ObjectMapper json) {
        String arguments = string(function.path("arguments"));
        if (arguments == null || arguments.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(arguments);
        } catch (JacksonException e) {
            throw unsupported("messages", "A tool call's arguments are not valid JSON.");
        }
    }

    /** A request this provider cannot serve as sent: 400 {@code unsupported_for_provider}. */
    public static RejectedException unsupported(@Nullable String param, String message) {
        return Rejection.invalidRequest(param, "unsupported_for_provider", message).asException();
    }
}
