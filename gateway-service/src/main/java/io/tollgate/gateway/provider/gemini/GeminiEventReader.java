package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.provider.SseEventSplitter;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse.UsageMetadata;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * One event of a streamGenerateContent?alt=sse stream, read with Jackson's streaming parser straight from the event's
 * bytes into what the translation uses: per candidate its index, answer text (thought summaries left out), function
 * calls and finish reason; whether the prompt was blocked; the usage. Every other field (safety ratings, model
 * version, response id, which Gemini repeats in every event) is skipped unread. A stream's events arrive one at a
 * time, so one reader serves a whole stream, each {@link #read} replacing what the previous event left.
 */
final class GeminiEventReader {

    /** A function call as Gemini sent it, its {@code args} as compact JSON. */
    record Call(@Nullable String id, @Nullable String name, String arguments, @Nullable String thoughtSignature) {
    }

    /** One candidate of the event. */
    static final class Candidate {
        int index;
        String text = "";
        final List<Call> calls = new ArrayList<>(0);
        @Nullable String finishReason;

        private void clear(int position) {
            index = position;
            text = "";
            calls.clear();
            finishReason = null;
        }
    }

    /** Reads one value of the event, the rest of it following. */
    private static final ObjectReader ARGUMENTS = GeminiJson.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<Candidate> candidates = new ArrayList<>(1);
    private int candidateCount;
    private boolean blocked;
    private @Nullable UsageMetadata usage;

    /**
     * Reads the event's {@code data:} value.
     *
     * @return false for an event without data (a comment)
     * @throws io.tollgate.gateway.error.RejectedException (invalid response) for data that is no JSON object
     */
    boolean read(byte[] event) {
        int start = SseEventSplitter.dataStart(event);
        if (start < 0) {
            return false;
        }
        candidateCount = 0;
        blocked = false;
        usage = null;
        try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), event, start, event.length - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw UpstreamErrors.invalidResponse();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "candidates" -> {
                        if (value == JsonToken.START_ARRAY) {
                            readCandidates(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "usageMetadata" -> usage = value == JsonToken.START_OBJECT ? usage(parser) : skip(parser);
                    case "promptFeedback" -> blocked = value == JsonToken.START_OBJECT && blockReason(parser);
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        return true;
    }

    int candidateCount() {
        return candidateCount;
    }

    Candidate candidate(int position) {
        return candidates.get(position);
    }

    /** Whether Gemini blocked the prompt ({@code promptFeedback.blockReason}). */
    boolean blocked() {
        return blocked;
    }

    /** The event's usage, when it has one. */
    @Nullable UsageMetadata usage() {
        return usage;
    }

    private void readCandidates(JsonParser parser) {
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (next != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            if (candidates.size() == candidateCount) {
                candidates.add(new Candidate());
            }
            Candidate candidate = candidates.get(candidateCount);
            candidate.clear(candidateCount);
            candidateCount++;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "index" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            candidate.index = parser.getIntValue();
                        }
                    }
                    case "finishReason" -> candidate.finishReason = string(parser, value);
                    case "content" -> {
                        if (value == JsonToken.START_OBJECT) {
                            readContent(parser, candidate);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
    }

    private static void readContent(JsonParser parser, Candidate candidate) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!name.equals("parts") || value != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            JsonToken next;
            while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (next == JsonToken.START_OBJECT) {
                    readPart(parser, candidate);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    private static void readPart(JsonParser parser, Candidate candidate) {
        String text = null;
        boolean thought = false;
        String signature = null;
        String callId = null;
        String callName = null;
        String arguments = null;
        boolean call = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "text" -> text = string(parser, value);
                case "thought" -> thought = value == JsonToken.VALUE_TRUE;
                case "thoughtSignature" -> signature = string(parser, value);
                case "functionCall" -> {
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        continue;
                    }
                    call = true;
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String field = parser.currentName();
                        JsonToken fieldValue = parser.nextToken();
                        switch (field) {
                            case "id" -> callId = string(parser, fieldValue);
                            case "name" -> callName = string(parser, fieldValue);
                            case "args" -> arguments = arguments(parser, fieldValue);
                            default -> parser.skipChildren();
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (text != null && !thought) {
            candidate.text = candidate.text.isEmpty() ? text : candidate.text + text;
        }
        if (call) {
            candidate.calls.add(new Call(callId, callName, arguments == null ? "{}" : arguments, signature));
        }
    }

    /** The call's arguments written as the databind tree writes them (rare: read through a tree). */
    private static @Nullable String arguments(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        JsonNode args = ARGUMENTS.readValue(parser);
        return GeminiJson.MAPPER.writeValueAsString(args);
    }

    private static UsageMetadata usage(JsonParser parser) {
        Long prompt = null;
        Long candidates = null;
        Long cached = null;
        Long thoughts = null;
        Long toolUsePrompt = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Long count = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
            switch (name) {
                case "promptTokenCount" -> prompt = count;
                case "candidatesTokenCount" -> candidates = count;
                case "cachedContentTokenCount" -> cached = count;
                case "thoughtsTokenCount" -> thoughts = count;
                case "toolUsePromptTokenCount" -> toolUsePrompt = count;
                default -> parser.skipChildren();
            }
        }
        return new UsageMetadata(prompt, candidates, cached, thoughts, toolUsePrompt);
    }

    private static boolean blockReason(JsonParser parser) {
        boolean blockReason = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("blockReason") && value == JsonToken.VALUE_STRING) {
                blockReason = true;
            } else {
                parser.skipChildren();
            }
        }
        return blockReason;
    }

    private static @Nullable UsageMetadata skip(JsonParser parser) {
        parser.skipChildren();
        return null;
    }

    private static @Nullable String string(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }
}
