package io.tollgate.portal.admin.providers;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's own error message from its error answer, in any of the shapes the provider types use: OpenAI's, Azure's,
 * Anthropic's and Gemini's {@code {"error": {"message"}}}, Bedrock's {@code {"message"}} (or {@code Message}), or a
 * plain {@code {"error": "..."}}. Anything shaped like a key is masked, as the gateway masks it for its clients.
 */
final class ProviderErrorText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SECRET = Pattern.compile("(?i)\\b(sk-|key-|AIza|ya29\\.|Bearer\\s+)?[A-Za-z0-9*_\\-]{20,}");
    private static final int MAX_LENGTH = 300;

    private ProviderErrorText() {
    }

    static Optional<String> of(String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        for (JsonNode candidate : new JsonNode[] {error.path("error").path("message"), error.path("message"),
                error.path("Message"), error.path("error")}) {
            if (candidate.isString() && !candidate.asString().isBlank()) {
                String text = SECRET.matcher(candidate.asString().strip()).replaceAll("***");
                return Optional.of(text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…");
            }
        }
        return Optional.empty();
    }
}
