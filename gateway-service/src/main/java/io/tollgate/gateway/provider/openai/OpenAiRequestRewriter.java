package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.json.JsonCursor;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The body for the provider: the client's bytes unchanged, unless the model alias differs from the upstream model
 * name or a stream lacks {@code stream_options.include_usage} (the gateway needs the final usage chunk to bill).
 * Some OpenAI-compatible servers refuse {@code stream_options} (older vLLM, some hosted endpoints, Azure API versions
 * before 2024-09-01): a provider whose setting {@value #STREAM_OPTIONS_SETTING} is {@code false} is not asked for it;
 * its streams are then counted by the gateway and metered as estimated. A client's own {@code stream_options} is
 * still forwarded as sent.
 *
 * <p>A change is spliced into the bytes where the value stands, the rest copied as the client wrote it: the body has
 * passed the request parser, so it is one JSON object with each key once, and its {@code stream_options} is an object
 * or null.
 */
public final class OpenAiRequestRewriter {

    public static final String STREAM_OPTIONS_SETTING = "streamOptions";

    private static final byte[] TRUE = bytes("true");
    private static final byte[] INCLUDE_USAGE = bytes("\"include_usage\":true");
    private static final byte[] INCLUDE_USAGE_AND_COMMA = bytes("\"include_usage\":true,");
    private static final byte[] OPTIONS_OBJECT = bytes("{\"include_usage\":true}");
    private static final byte[] OPTIONS_MEMBER = bytes(",\"stream_options\":{\"include_usage\":true}");

    private OpenAiRequestRewriter() {
    }

    public static byte[] rewrite(UpstreamRequest request) {
        boolean acceptsStreamOptions = !request.provider().setting(STREAM_OPTIONS_SETTING).filter("false"::equals).isPresent();
        return rewrite(request.body(), request.facts(), request.upstreamModel(), acceptsStreamOptions);
    }

    static byte[] rewrite(byte[] body, RequestFacts facts, String upstreamModel, boolean acceptsStreamOptions) {
        boolean renameModel = !facts.model().equals(upstreamModel);
        boolean askForUsage = facts.stream() && !facts.includeUsage() && acceptsStreamOptions;
        if (!renameModel && !askForUsage) {
            return body;
        }
        var places = Places.of(body);
        Edit model = renameModel ? new Edit(places.modelStart, places.modelEnd, quoted(upstreamModel)) : null;
        Edit usage = askForUsage ? places.usageEdit() : null;
        if (model == null) {
            return splice(body, usage, null);
        }
        if (usage == null) {
            return splice(body, model, null);
        }
        return model.start < usage.start ? splice(body, model, usage) : splice(body, usage, model);
    }

    /** {@code body} with {@code first} made, then {@code second} (null for none), which starts after it. */
    private static byte[] splice(byte[] body, Edit first, @Nullable Edit second) {
        byte[] out = new byte[body.length + first.growth() + (second == null ? 0 : second.growth())];
        int at = first.copyInto(body, 0, out, 0);
        int from = first.end;
        if (second != null) {
            at = second.copyInto(body, from, out, at);
            from = second.end;
        }
        System.arraycopy(body, from, out, at, body.length - from);
        return out;
    }

    private static byte[] quoted(String text) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] quoted = new byte[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    /** {@code body[start, end)} replaced by {@code bytes}. */
    private record Edit(int start, int end, byte[] bytes) {

        int growth() {
            return bytes.length - (end - start);
        }

        /** Copies the body from {@code from} up to this edit, then the edit, to {@code out} at {@code at}; returns the end. */
        int copyInto(byte[] body, int from, byte[] out, int at) {
            System.arraycopy(body, from, out, at, start - from);
            at += start - from;
            System.arraycopy(bytes, 0, out, at, bytes.length);
            return at + bytes.length;
        }
    }

    /**
     * Where the values the rewriter may change stand in a checked body, as offsets: the model's string (quotes
     * included); {@code stream_options}' value, and inside it just past its opening brace, whether it has members, and
     * {@code include_usage}'s value; the root's closing brace. An offset is -1 for what the body lacks.
     */
    private record Places(int modelStart, int modelEnd, int optionsStart, int optionsEnd, int optionsOpen,
                          boolean optionsEmpty, int usageStart, int usageEnd, int rootClose) {

        static Places of(byte[] body) {
            int modelStart = -1;
            int modelEnd = -1;
            int optionsStart = -1;
            int optionsEnd = -1;
            int optionsOpen = -1;
            boolean optionsEmpty = true;
            int usageStart = -1;
            int usageEnd = -1;
            JsonCursor cursor = JsonCursor.reading(body);
            if (cursor.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a checked request body");
            }
            while (cursor.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = cursor.currentName();
                JsonToken value = cursor.nextToken();
                if (name.equals("model")) {
                    modelEnd = cursor.tokenEnd();
                    modelStart = cursor.valueStart();
                } else if (name.equals("stream_options")) {
                    optionsStart = cursor.valueStart();
                    if (value == JsonToken.START_OBJECT) {
                        optionsOpen = cursor.tokenEnd();
                        while (cursor.nextToken() == JsonToken.PROPERTY_NAME) {
                            optionsEmpty = false;
                            boolean includeUsage = cursor.currentName().equals("include_usage");
                            cursor.nextToken();
                            if (includeUsage) {
                                usageStart = cursor.valueStart();
                                usageEnd = cursor.tokenEnd();
                            } else {
                                cursor.skipChildren();
                            }
                        }
                    }
                    optionsEnd = cursor.tokenEnd();
                } else {
                    cursor.skipChildren();
                }
            }
            if (modelStart < 0) {
                throw new IllegalArgumentException("not a checked request body");
            }
            return new Places(modelStart, modelEnd, optionsStart, optionsEnd, optionsOpen, optionsEmpty, usageStart,
                    usageEnd, cursor.tokenEnd() - 1);
        }

        /** The edit that makes {@code stream_options.include_usage} true. */
        Edit usageEdit() {
            if (usageStart >= 0) {
                return new Edit(usageStart, usageEnd, TRUE);
            }
            if (optionsOpen >= 0) {
                return new Edit(optionsOpen, optionsOpen, optionsEmpty ? INCLUDE_USAGE : INCLUDE_USAGE_AND_COMMA);
            }
            if (optionsStart >= 0) {
                return new Edit(optionsStart, optionsEnd, OPTIONS_OBJECT); // it was null
            }
            return new Edit(rootClose, rootClose, OPTIONS_MEMBER);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
