package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.provider.SseEventSplitter;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.wire.anthropic.ErrorResponse;
import io.tollgate.gateway.wire.anthropic.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * One event of a Messages stream, read with Jackson's streaming parser straight from the event's bytes into the
 * fields the gateway uses, by the event's {@code type}: {@code message_start} (the message's id, model and usage),
 * {@code content_block_start} (index; the block's type, id, name, text), {@code content_block_delta} (index; the
 * delta's type, text, partial_json, thinking), {@code message_delta} (stop_reason, usage), {@code error}. Every other
 * field is skipped unread. A stream's events arrive one at a time, so one reader serves a whole stream, each
 * {@link #read} replacing what the previous event left.
 */
final class AnthropicEventReader {

    String type = "";
    int index;
    boolean hasMessage;
    @Nullable String messageId;
    @Nullable String messageModel;
    @Nullable Usage usage;
    @Nullable String blockType;
    @Nullable String blockId;
    @Nullable String blockName;
    @Nullable String blockText;
    @Nullable String deltaType;
    @Nullable String text;
    @Nullable String partialJson;
    @Nullable String thinking;
    @Nullable String stopReason;
    ErrorResponse.@Nullable Error error;

    /**
     * Reads the event's {@code data:} line.
     *
     * @return false for an event without data (a comment)
     * @throws io.tollgate.gateway.error.RejectedException (invalid response) for data that is no event
     */
    boolean read(byte[] event) {
        int start = SseEventSplitter.dataStart(event);
        if (start < 0) {
            return false;
        }
        int end = start;
        while (end < event.length && event[end] != '\n') {
            end++;
        }
        clear();
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), event, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw UpstreamErrors.invalidResponse();
            }
            readEvent(parser);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (type.isEmpty()) {
            throw UpstreamErrors.invalidResponse();
        }
        return true;
    }

    private void clear() {
        type = "";
        index = 0;
        hasMessage = false;
        messageId = null;
        messageModel = null;
        usage = null;
        blockType = null;
        blockId = null;
        blockName = null;
        blockText = null;
        deltaType = null;
        text = null;
        partialJson = null;
        thinking = null;
        stopReason = null;
        error = null;
    }

    private void readEvent(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                case "index" -> index = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : 0;
                case "delta" -> readObject(parser, value, this::deltaField);
                case "content_block" -> readObject(parser, value, this::blockField);
                case "message" -> {
                    hasMessage = value == JsonToken.START_OBJECT;
                    readObject(parser, value, this::messageField);
                }
                case "usage" -> usage = value == JsonToken.START_OBJECT ? usage(parser) : null;
                case "error" -> error = value == JsonToken.START_OBJECT ? error(parser) : null;
                default -> parser.skipChildren();
            }
        }
    }

    private interface Field {
        void read(String name, JsonToken value, JsonParser parser);
    }

    /** Reads an object's properties with {@code field}; a value of another kind is skipped. */
    private static void readObject(JsonParser parser, JsonToken value, Field field) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            field.read(name, parser.nextToken(), parser);
        }
    }

    private void deltaField(String name, JsonToken value, JsonParser parser) {
        switch (name) {
            case "type" -> deltaType = string(parser, value);
            case "text" -> text = string(parser, value);
            case "partial_json" -> partialJson = string(parser, value);
            case "thinking" -> thinking = string(parser, value);
            case "stop_reason" -> stopReason = string(parser, value);
            default -> parser.skipChildren();
        }
    }

    private void blockField(String name, JsonToken value, JsonParser parser) {
        switch (name) {
            case "type" -> blockType = string(parser, value);
            case "id" -> blockId = string(parser, value);
            case "name" -> blockName = string(parser, value);
            case "text" -> blockText = string(parser, value);
            default -> parser.skipChildren();
        }
    }

    private void messageField(String name, JsonToken value, JsonParser parser) {
        switch (name) {
            case "id" -> messageId = string(parser, value);
            case "model" -> messageModel = string(parser, value);
            case "usage" -> usage = value == JsonToken.START_OBJECT ? usage(parser) : null;
            default -> parser.skipChildren();
        }
    }

    private static Usage usage(JsonParser parser) {
        Long input = null;
        Long output = null;
        Long cacheRead = null;
        Long cacheWrite = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Long count = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
            switch (name) {
                case "input_tokens" -> input = count;
                case "output_tokens" -> output = count;
                case "cache_read_input_tokens" -> cacheRead = count;
                case "cache_creation_input_tokens" -> cacheWrite = count;
                default -> parser.skipChildren();
            }
        }
        return new Usage(input, output, cacheRead, cacheWrite);
    }

    private static ErrorResponse.Error error(JsonParser parser) {
        String type = "";
        String message = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getString() : "";
                case "message" -> message = string(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new ErrorResponse.Error(type, message);
    }

    private static @Nullable String string(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }
}
