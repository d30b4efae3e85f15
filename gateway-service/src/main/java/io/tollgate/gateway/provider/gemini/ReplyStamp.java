package io.tollgate.gateway.provider.gemini;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What an OpenAI answer carries that Gemini's does not: its id, creation time and model, and the ids of its tool
 * calls (Gemini's calls have none on older models), derived from the answer's id. A call's thought signature rides
 * in its id after {@link #SIGNATURE}: OpenAI clients send tool call ids back unchanged with the history, and Gemini 3
 * refuses a history whose function calls lost their signatures.
 */
record ReplyStamp(String id, long created, String model) {

    static final String SIGNATURE = "__thought__";

    static ReplyStamp of(Clock clock, String model) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return new ReplyStamp("chatcmpl-" + suffix, clock.instant().getEpochSecond(), model);
    }

    String toolCallId(int choice, int call, @Nullable String geminiId, @Nullable String thoughtSignature) {
        String base = geminiId != null ? geminiId : "call_" + id.substring(id.indexOf('-') + 1) + "_" + choice + "_" + call;
        return thoughtSignature == null ? base : base + SIGNATURE + thoughtSignature;
    }

    /** The thought signature a tool call id carries, if any. */
    static @Nullable String thoughtSignature(String toolCallId) {
        int at = toolCallId.indexOf(SIGNATURE);
        return at < 0 ? null : toolCallId.substring(at + SIGNATURE.length());
    }
}
