package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.json.JsonBytes;
import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.SseEventSplitter;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JsonToken;

/**
 * Watches one OpenAI event stream on its way to the client: takes the usage chunk (and hides it when the client did
 * not ask for it, since the gateway asked on its own), and keeps the generated text so a stream that ends without
 * usage, or is cut off, can still be counted. Events are forwarded byte for byte.
 */
public final class OpenAiStreamTranslator implements ProviderStream.Usage {

    private final boolean clientWantsUsage;
    private final StringBuilder generated = new StringBuilder(256);
    private @Nullable TokenUsage usage;

    public OpenAiStreamTranslator(boolean clientWantsUsage) {
        this.clientWantsUsage = clientWantsUsage;
    }

    /** The events to send to the client, each watched on its way (a hidden usage chunk left out). */
    public Flux<byte[]> watch(Flux<byte[]> events) {
        return events.handle((event, sink) -> {
            byte[] forward = accept(event);
            if (forward != null) {
                sink.next(forward);
            }
        });
    }

    /**
     * The event to send to the client, or null to leave it out. Its JSON is read in the event's bytes: no string of the
     * event, no parser per event.
     */
    public byte @Nullable [] accept(byte[] event) {
        int json = SseEventSplitter.dataStart(event);
        if (json < 0) {
            return event;
        }
        while (json < event.length && (event[json] == ' ' || event[json] == '\t')) {
            json++;
        }
        if (json == event.length || event[json] != '{') {
            return event; // [DONE], or no JSON object
        }
        try {
            return inspect(JsonCursor.readingAnswer(event, json)) ? event : null;
        } catch (JsonBytes.Malformed e) {
            return event;
        }
    }

    /** Whether to forward the chunk. */
    private boolean inspect(JsonCursor parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return true;
        }
        int choices = -1;
        boolean hasUsage = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("usage") && value == JsonToken.START_OBJECT) {
                usage = OpenAiUsageReader.usage(parser);
                hasUsage = true;
            } else if (name.equals("choices") && value == JsonToken.START_ARRAY) {
                choices = readChoices(parser);
            } else {
                parser.skipChildren();
            }
        }
        return !(hasUsage && choices == 0 && !clientWantsUsage);
    }

    private int readChoices(JsonCursor parser) {
        int count = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            count++;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("text") && value == JsonToken.VALUE_STRING) {
                    generated.append(parser.getString());
                } else if ((name.equals("delta") || name.equals("message")) && value == JsonToken.START_OBJECT) {
                    readDelta(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return count;
    }

    private void readDelta(JsonCursor parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ((name.equals("content") || name.equals("reasoning_content") || name.equals("refusal"))
                    && value == JsonToken.VALUE_STRING) {
                generated.append(parser.getString());
            } else if (name.equals("tool_calls") && value == JsonToken.START_ARRAY) {
                readToolCalls(parser);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** A tool call's name and arguments are generated tokens too, counted when the provider reports no usage. */
    private void readToolCalls(JsonCursor parser) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("function")) {
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING
                                && (field.equals("name") || field.equals("arguments"))) {
                            generated.append(parser.getString());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** The text of a complete (non-streamed) response, for counting when it carries no usage. */
    public static String generatedText(byte[] body) {
        var translator = new OpenAiStreamTranslator(true);
        try {
            translator.inspect(JsonCursor.readingAnswer(body, 0));
        } catch (JsonBytes.Malformed e) {
            // what was read before the fault still counts
        }
        return translator.generatedText();
    }

    /** The provider's usage chunk, if it sent one. */
    @Override
    public Optional<TokenUsage> reported() {
        return Optional.ofNullable(usage);
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }
}
