package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.openai.ChatChunkWriter;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * One streamGenerateContent?alt=sse stream as OpenAI {@code chat.completion.chunk} events: each Gemini event's text
 * becomes a content delta (the first of a candidate with {@code role}), each {@code functionCall} a whole
 * {@code tool_calls} delta, a finish reason its own chunk. Gemini repeats its usage, growing, in every event; the
 * last one counts. When the stream ends: the usage chunk (if the client asked for it) and {@code [DONE]}. Runs for
 * every event of every translated stream: each event is read by a streaming parser ({@link GeminiEventReader}) and
 * each chunk written from bytes encoded once per stream ({@link ChatChunkWriter}).
 */
final class GeminiStreamTranslator implements ProviderStream.Usage {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT = ChatChunkWriter.quotedName("content");

    private final ReplyStamp stamp;
    private final boolean clientWantsUsage;
    private final StringBuilder generated = new StringBuilder(256);
    private final Map<Integer, Integer> callsPerChoice = new HashMap<>();
    private final Set<Integer> rolesSent = new HashSet<>();
    private final GeminiEventReader event = new GeminiEventReader();
    private final ChatChunkWriter chunks;
    private @Nullable TokenUsage usage;

    GeminiStreamTranslator(ReplyStamp stamp, boolean clientWantsUsage) {
        this.stamp = stamp;
        this.clientWantsUsage = clientWantsUsage;
        this.chunks = new ChatChunkWriter(stamp.id(), stamp.created(), stamp.model(), false);
    }

    /** The OpenAI events for one Gemini event (none for a comment or an empty event). */
    List<byte[]> accept(byte[] data) {
        if (!event.read(data)) {
            return List.of();
        }
        if (event.usage() != null) {
            usage = GeminiUsage.of(event.usage());
        }
        int candidates = event.candidateCount();
        if (candidates == 0) {
            return event.blocked() ? List.of(chunks.finish(0, rolesSent.add(0), "content_filter")) : List.of();
        }
        if (candidates == 1 && event.candidate(0).calls.isEmpty()) {
            return textOnly(event.candidate(0));
        }
        List<byte[]> out = new ArrayList<>(2);
        for (int i = 0; i < candidates; i++) {
            translate(event.candidate(i), out);
        }
        return out;
    }

    /** The usual event: one candidate with text, a finish reason, or both. */
    private List<byte[]> textOnly(GeminiEventReader.Candidate candidate) {
        boolean withRole = rolesSent.add(candidate.index);
        byte[] text = null;
        if (!candidate.text.isEmpty()) {
            generated.append(candidate.text);
            text = chunks.text(candidate.index, withRole, CONTENT, candidate.text);
        }
        if (candidate.finishReason == null) {
            return text == null ? List.of() : List.of(text);
        }
        byte[] finish = finish(candidate);
        return text == null ? List.of(finish) : List.of(text, finish);
    }

    private void translate(GeminiEventReader.Candidate candidate, List<byte[]> out) {
        int index = candidate.index;
        boolean withRole = rolesSent.add(index);
        String content = candidate.text;
        if (!content.isEmpty()) {
            generated.append(content);
        }
        if (!candidate.calls.isEmpty()) {
            out.add(chunks.delta(index, json -> toolCallDelta(json, withRole, content, index, candidate.calls)));
        } else if (!content.isEmpty()) {
            out.add(chunks.text(index, withRole, CONTENT, content));
        }
        if (candidate.finishReason != null) {
            out.add(finish(candidate));
        }
    }

    private byte[] finish(GeminiEventReader.Candidate candidate) {
        return chunks.finish(candidate.index, false, GeminiFinishReasons.openAi(candidate.finishReason,
                callsPerChoice.getOrDefault(candidate.index, 0) > 0));
    }

    private void toolCallDelta(JsonGenerator json, boolean withRole, String content, int index,
                               List<GeminiEventReader.Call> calls) {
        json.writeStartObject();
        if (withRole) {
            json.writeStringProperty("role", "assistant");
        }
        if (!content.isEmpty()) {
            json.writeStringProperty("content", content);
        }
        json.writeArrayPropertyStart("tool_calls");
        for (GeminiEventReader.Call call : calls) {
            int number = callsPerChoice.merge(index, 1, Integer::sum) - 1;
            generated.append(call.name()).append(call.arguments());
            json.writeStartObject();
            json.writeNumberProperty("index", number);
            json.writeStringProperty("id", stamp.toolCallId(index, number, call.id(), call.thoughtSignature()));
            json.writeStringProperty("type", "function");
            json.writeObjectPropertyStart("function");
            json.writeStringProperty("name", call.name());
            json.writeStringProperty("arguments", call.arguments());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** What follows Gemini's last event. */
    List<byte[]> end() {
        if (clientWantsUsage && usage != null) {
            return List.of(chunks.usage(usage), DONE);
        }
        return List.of(DONE);
    }

    @Override
    public Optional<TokenUsage> reported() {
        return Optional.ofNullable(usage);
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }
}
