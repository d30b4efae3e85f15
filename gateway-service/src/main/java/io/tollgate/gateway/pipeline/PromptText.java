package io.tollgate.gateway.pipeline;

import io.tollgate.gateway.json.JsonStrings;
import java.util.List;

/**
 * The text a request sends to the model (message contents, prompt or input), read with the rest of the body.
 * Kept as its parts (one per message content, prompt or input string) because chat requests resend the same parts
 * (the system prompt, the conversation so far) with every turn, and a part's count can be remembered; and kept as
 * where the parts are in the body, not as strings, because a part's size and its remembered count need no string.
 *
 * @param strings  the parts, in request order
 * @param messages the number of chat messages, 0 for other endpoints
 * @param tokenIds the tokens a prompt or input sends already encoded, as arrays of token ids
 */
public record PromptText(JsonStrings strings, int messages, int tokenIds) {

    public static final PromptText NONE = new PromptText(List.of(), 0);

    public PromptText(List<String> parts, int messages) {
        this(JsonStrings.of(parts), messages, 0);
    }

    /** The parts, decoded. */
    public List<String> parts() {
        return strings.all();
    }

    /** The whole text, one part per line. */
    public String text() {
        return String.join("\n", parts());
    }
}
