package io.tollgate.gateway.metering;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.springframework.stereotype.Component;

/**
 * Counts tokens with the o200k_base encoding (current OpenAI models) where a provider reports no usage. The
 * encoding is loaded once at start-up, off the request path.
 */
@Component
public class TokenCounter {

    /** What OpenAI adds per chat message and per reply for the role and separators. */
    static final int PER_MESSAGE_OVERHEAD = 3;
    /** What OpenAI adds once per chat request for the reply's priming. */
    public static final int REPLY_OVERHEAD = 3;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    public TokenCounter() {
        encoding.countTokens("warm up");
    }

    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** The prompt tokens of a request body, counted from the text of its messages, prompt or input. */
    public int countPrompt(PromptText prompt) {
        return count(prompt.text()) + prompt.messages() * PER_MESSAGE_OVERHEAD + (prompt.messages() > 0 ? REPLY_OVERHEAD : 0);
    }
}
