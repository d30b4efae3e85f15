package io.tollgate.gateway.provider.gemini;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an OpenAI answer carries that Gemini's does not: its id, creation time and model, and the ids of its tool
 * calls (Gemini's calls have none on older models), derived from the answer's id.
 */
record ReplyStamp(String id, long created, String model) {

    static ReplyStamp of(Clock clock, String model) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return new ReplyStamp("chatcmpl-" + suffix, clock.instant().getEpochSecond(), model);
    }

    String toolCallId(int choice, int call) {
        return "call_" + id.substring(id.indexOf('-') + 1) + "_" + choice + "_" + call;
    }
}
