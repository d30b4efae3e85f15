package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

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

    /** The event to send to the client, or null to leave it out. */
    public byte @Nullable [] accept(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        int data = text.indexOf("data:");
        if (data < 0) {
            return event;
        }
        String payload = text.substring(data + 5).strip();
        if (payload.equals("[DONE]") || !payload.startsWith("{")) {
            return event;
        }
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), payload)) {
            return inspect(parser) ? event : null;
        } catch (JacksonException e) {
            return event;
        }
    }

    /** Whether to forward the chunk. */
    private boolean inspect(JsonParser parser) {
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

    private int readChoices(JsonParser parser) {
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

    private void readDelta(JsonParser parser) {
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
    private void readToolCalls(JsonParser parser) {
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
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
            translator.inspect(parser);
        } catch (JacksonException e) {
            return translator.generatedText();
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
