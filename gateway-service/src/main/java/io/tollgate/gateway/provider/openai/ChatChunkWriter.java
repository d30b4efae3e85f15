package io.tollgate.gateway.provider.openai;

import io.tollgate.gateway.http.Json;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * Writes one translated stream's OpenAI {@code chat.completion.chunk} events as whole server-sent events. A translator
 * writes one such event per provider event, so the parts every chunk of the stream shares (id, creation time, model)
 * are encoded once and a chunk costs the escaping of its new text and one copy; deltas of other shapes go through a
 * {@link JsonGenerator}. Output matches what Jackson's databind wrote for the {@code schema/} records: compact, keys in
 * this order, {@code "finish_reason":null} until the finish, {@code "usage":null} on each chunk when asked for.
 */
public final class ChatChunkWriter {

    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
    private static final byte[] DATA = ascii("data: {\"id\":");
    private static final byte[] OBJECT = ascii(",\"object\":\"chat.completion.chunk\",\"created\":");
    private static final byte[] MODEL = ascii(",\"model\":");
    private static final byte[] CHOICES = ascii(",\"choices\":[");
    private static final byte[] FIRST_CHOICE = ascii("{\"index\":0,\"delta\":");
    private static final byte[] CHOICE = ascii("{\"index\":");
    private static final byte[] DELTA = ascii(",\"delta\":");
    private static final byte[] ROLE_THEN = ascii("{\"role\":\"assistant\",");
    private static final byte[] ROLE_ONLY = ascii("{\"role\":\"assistant\"}");
    private static final byte[] OPEN = ascii("{");
    private static final byte[] EMPTY = ascii("{}");
    private static final byte[] NOT_FINISHED = ascii(",\"finish_reason\":null}");
    private static final byte[] FINISH_REASON = ascii(",\"finish_reason\":");
    private static final byte[] USAGE = ascii("],\"usage\":");
    private static final byte[] END = ascii("}\n\n");

    private final byte[] trailer;
    private final ByteArrayBuilder out = new ByteArrayBuilder(256);
    private byte[] head;

    /**
     * @param nullUsage whether every chunk says {@code "usage":null} (as Anthropic's translation always has), or
     *                  only the usage chunk has the field
     */
    public ChatChunkWriter(@Nullable String id, long created, @Nullable String model, boolean nullUsage) {
        this.trailer = ascii(nullUsage ? "],\"usage\":null}\n\n" : "]}\n\n");
        this.head = head(id, created, model);
    }

    /** The id and model of the chunks that follow (a provider may name them only in its first event). */
    public void stamp(@Nullable String id, long created, @Nullable String model) {
        this.head = head(id, created, model);
    }

    /**
     * A chunk of one choice whose delta has one string property (content, reasoning), after the role when
     * {@code withRole}.
     */
    public byte[] text(int choice, boolean withRole, byte[] quotedName, CharSequence text) {
        open(choice);
        out.write(withRole ? ROLE_THEN : OPEN);
        out.write(quotedName);
        out.write(':');
        out.write('"');
        out.write(ESCAPE.quoteAsUTF8(text));
        out.write('"');
        out.write('}');
        return close(null);
    }

    /** A chunk of one choice with an empty delta (but the role when {@code withRole}) and its finish reason. */
    public byte[] finish(int choice, boolean withRole, String finishReason) {
        open(choice);
        out.write(withRole ? ROLE_ONLY : EMPTY);
        return close(finishReason);
    }

    /** A chunk of one choice whose delta object the generator writes, without a finish reason. */
    public byte[] delta(int choice, Consumer<JsonGenerator> deltaObject) {
        open(choice);
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            deltaObject.accept(json);
        }
        return close(null);
    }

    /** The chunk with no choices and the stream's usage. */
    public byte[] usage(TokenUsage usage) {
        out.reset();
        out.write(head);
        out.write(USAGE);
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeNumberProperty("prompt_tokens", usage.promptTokens());
            json.writeNumberProperty("completion_tokens", usage.completionTokens());
            json.writeNumberProperty("total_tokens", usage.total());
            json.writeName("prompt_tokens_details");
            json.writeStartObject();
            json.writeNumberProperty("cached_tokens", usage.cachedPromptTokens());
            json.writeEndObject();
            json.writeName("completion_tokens_details");
            json.writeStartObject();
            json.writeNumberProperty("reasoning_tokens", usage.reasoningTokens());
            json.writeEndObject();
            json.writeEndObject();
        }
        out.write(END);
        return take();
    }

    /** A property name as {@link #text} takes it: quoted, in bytes. */
    public static byte[] quotedName(String name) {
        return ascii("\"" + name + "\"");
    }

    /** Starts a chunk (from scratch: a chunk that failed half-written leaves nothing behind). */
    private void open(int choice) {
        out.reset();
        out.write(head);
        if (choice == 0) {
            out.write(FIRST_CHOICE);
        } else {
            out.write(CHOICE);
            out.write(ascii(Integer.toString(choice)));
            out.write(DELTA);
        }
    }

    private byte[] close(@Nullable String finishReason) {
        if (finishReason == null) {
            out.write(NOT_FINISHED);
        } else {
            out.write(FINISH_REASON);
            out.write('"');
            out.write(ESCAPE.quoteAsUTF8(finishReason));
            out.write('"');
            out.write('}');
        }
        out.write(trailer);
        return take();
    }

    private byte[] take() {
        byte[] event = out.toByteArray();
        out.reset();
        return event;
    }

    private static byte[] head(@Nullable String id, long created, @Nullable String model) {
        var head = new ByteArrayBuilder(96);
        head.write(DATA);
        string(head, id);
        head.write(OBJECT);
        head.write(ascii(Long.toString(created)));
        head.write(MODEL);
        string(head, model);
        head.write(CHOICES);
        return head.toByteArray();
    }

    private static void string(ByteArrayBuilder out, @Nullable String value) {
        if (value == null) {
            out.write(ascii("null"));
            return;
        }
        out.write('"');
        out.write(ESCAPE.quoteAsUTF8(value));
        out.write('"');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
