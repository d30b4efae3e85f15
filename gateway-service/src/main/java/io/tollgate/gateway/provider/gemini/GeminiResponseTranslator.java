package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.provider.gemini.schema.Content;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse.Candidate;
import io.tollgate.gateway.provider.gemini.schema.Part;
import io.tollgate.model.common.TokenUsage;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generateContent answer as an OpenAI {@code chat.completion}: one choice per candidate, its text parts joined
 * (thought summaries left out), its {@code functionCall} parts as {@code tool_calls}; a prompt Gemini blocked
 * ({@code promptFeedback.blockReason}, no candidates) is one empty choice finished by {@code content_filter}.
 */
final class GeminiResponseTranslator {

    /** The OpenAI body, the usage Gemini reported (empty when none), and the generated text for counting. */
    record Translated(byte[] body, Optional<TokenUsage> usage, String text) {
    }

    private GeminiResponseTranslator() {
    }

    static Translated translate(GenerateContentResponse response, ReplyStamp stamp) {
        ObjectNode completion = GeminiJson.object();
        completion.put("id", stamp.id());
        completion.put("object", "chat.completion");
        completion.put("created", stamp.created());
        completion.put("model", stamp.model());
        ArrayNode choices = completion.putArray("choices");
        var text = new StringBuilder();
        List<Candidate> candidates = response.candidates() == null ? List.of() : response.candidates();
        if (candidates.isEmpty() && blocked(response)) {
            ObjectNode choice = choices.addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", "");
            choice.put("finish_reason", "content_filter");
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            int index = candidate.index() == null ? i : candidate.index();
            ObjectNode choice = choices.addObject();
            choice.put("index", index);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            String content = text(candidate.content());
            text.append(content);
            int calls = toolCalls(candidate.content(), message, stamp, index, text);
            if (calls > 0 && content.isEmpty()) {
                message.putNull("content");
            } else {
                message.put("content", content);
            }
            choice.put("finish_reason", GeminiFinishReasons.openAi(
                    candidate.finishReason() == null ? "STOP" : candidate.finishReason(), calls > 0));
        }
        Optional<TokenUsage> usage = Optional.ofNullable(response.usageMetadata()).map(GeminiUsage::of);
        usage.ifPresent(reported -> completion.set("usage", GeminiUsage.openAi(reported)));
        return new Translated(GeminiJson.write(completion), usage, text.toString());
    }

    static boolean blocked(GenerateContentResponse response) {
        return response.promptFeedback() != null && response.promptFeedback().blockReason() != null;
    }

    /** The answer text of a turn, thought summaries left out. */
    static String text(@Nullable Content content) {
        if (content == null || content.parts() == null) {
            return "";
        }
        var text = new StringBuilder();
        for (Part part : content.parts()) {
            if (part.text() != null && !Boolean.TRUE.equals(part.thought())) {
                text.append(part.text());
            }
        }
        return text.toString();
    }

    /** Adds the turn's function calls to the message as OpenAI {@code tool_calls}; returns how many there were. */
    private static int toolCalls(@Nullable Content content, ObjectNode message, ReplyStamp stamp, int choice,
                                 StringBuilder text) {
        if (content == null || content.parts() == null) {
            return 0;
        }
        ArrayNode calls = null;
        int count = 0;
        for (Part part : content.parts()) {
            if (part.functionCall() == null) {
                continue;
            }
            if (calls == null) {
                calls = message.putArray("tool_calls");
            }
            var call = part.functionCall();
            String arguments = call.args() == null ? "{}" : GeminiJson.MAPPER.writeValueAsString(call.args());
            text.append(call.name()).append(arguments);
            ObjectNode toolCall = calls.addObject();
            toolCall.put("id", stamp.toolCallId(choice, count, call.id(), part.thoughtSignature()));
            toolCall.put("type", "function");
            toolCall.putObject("function").put("name", call.name()).put("arguments", arguments);
            count++;
        }
        return count;
    }
}
