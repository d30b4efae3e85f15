package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse.Candidate;
import io.tollgate.gateway.provider.gemini.schema.Part;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One streamGenerateContent?alt=sse stream as OpenAI {@code chat.completion.chunk} events: each Gemini event's text
 * becomes a content delta (the first of a candidate with {@code role}), each {@code functionCall} a whole
 * {@code tool_calls} delta, a finish reason its own chunk. Gemini repeats its usage, growing, in every event; the
 * last one counts. When the stream ends: the usage chunk (if the client asked for it) and {@code [DONE]}.
 */
final class GeminiStreamTranslator implements ProviderStream.Usage {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ReplyStamp stamp;
    private final boolean clientWantsUsage;
    private final StringBuilder generated = new StringBuilder(256);
    private final Map<Integer, Integer> callsPerChoice = new HashMap<>();
    private final Set<Integer> rolesSent = new HashSet<>();
    private @Nullable TokenUsage usage;

    GeminiStreamTranslator(ReplyStamp stamp, boolean clientWantsUsage) {
        this.stamp = stamp;
        this.clientWantsUsage = clientWantsUsage;
    }

    /** The OpenAI events for one Gemini event (none for a comment or an empty event). */
    List<byte[]> accept(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        int data = text.indexOf("data:");
        if (data < 0) {
            return List.of();
        }
        GenerateContentResponse response;
        try {
            response = GeminiJson.read(text.substring(data + 5).strip(), GenerateContentResponse.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (response.usageMetadata() != null) {
            usage = GeminiUsage.of(response.usageMetadata());
        }
        List<byte[]> chunks = new ArrayList<>(2);
        List<Candidate> candidates = response.candidates() == null ? List.of() : response.candidates();
        if (candidates.isEmpty() && GeminiResponseTranslator.blocked(response)) {
            ObjectNode chunk = chunk();
            ObjectNode choice = choice(chunk, 0);
            choice.put("finish_reason", "content_filter");
            chunks.add(sse(chunk));
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            int index = candidate.index() == null ? i : candidate.index();
            ObjectNode chunk = chunk();
            ObjectNode delta = (ObjectNode) choice(chunk, index).get("delta");
            boolean hasDelta = false;
            String content = GeminiResponseTranslator.text(candidate.content());
            if (!content.isEmpty()) {
                delta.put("content", content);
                generated.append(content);
                hasDelta = true;
            }
            hasDelta |= toolCalls(candidate, index, delta);
            if (hasDelta) {
                chunks.add(sse(chunk));
            }
            if (candidate.finishReason() != null) {
                ObjectNode finish = chunk();
                choice(finish, index).put("finish_reason", GeminiFinishReasons.openAi(candidate.finishReason(),
                        callsPerChoice.getOrDefault(index, 0) > 0));
                chunks.add(sse(finish));
            }
        }
        return chunks;
    }

    /** What follows Gemini's last event. */
    List<byte[]> end() {
        if (clientWantsUsage && usage != null) {
            ObjectNode chunk = chunk();
            chunk.set("usage", GeminiUsage.openAi(usage));
            return List.of(sse(chunk), DONE);
        }
        return List.of(DONE);
    }

    private boolean toolCalls(Candidate candidate, int index, ObjectNode delta) {
        if (candidate.content() == null || candidate.content().parts() == null) {
            return false;
        }
        ArrayNode calls = null;
        for (Part part : candidate.content().parts()) {
            if (part.functionCall() == null) {
                continue;
            }
            if (calls == null) {
                calls = delta.putArray("tool_calls");
            }
            int number = callsPerChoice.merge(index, 1, Integer::sum) - 1;
            var call = part.functionCall();
            String arguments = call.args() == null ? "{}" : GeminiJson.MAPPER.writeValueAsString(call.args());
            generated.append(call.name()).append(arguments);
            ObjectNode toolCall = calls.addObject();
            toolCall.put("index", number);
            toolCall.put("id", stamp.toolCallId(index, number, call.id(), part.thoughtSignature()));
            toolCall.put("type", "function");
            toolCall.putObject("function").put("name", call.name()).put("arguments", arguments);
        }
        return calls != null;
    }

    private ObjectNode chunk() {
        ObjectNode chunk = GeminiJson.object();
        chunk.put("id", stamp.id());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", stamp.created());
        chunk.put("model", stamp.model());
        chunk.putArray("choices");
        return chunk;
    }

    /** A choice with an empty delta (with the role, on the candidate's first chunk) and no finish reason yet. */
    private ObjectNode choice(ObjectNode chunk, int index) {
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
        choice.put("index", index);
        ObjectNode delta = choice.putObject("delta");
        if (!rolesSent.contains(index)) {
            rolesSent.add(index);
            delta.put("role", "assistant");
        }
        choice.putNull("finish_reason");
        return choice;
    }

    private static byte[] sse(ObjectNode chunk) {
        byte[] json = GeminiJson.write(chunk);
        byte[] event = new byte[json.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, event, 0, 6);
        System.arraycopy(json, 0, event, 6, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
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
