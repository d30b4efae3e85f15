package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.wire.anthropic.ContentBlock;
import io.tollgate.gateway.wire.anthropic.MessagesResponse;
import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's own Messages request, sent to Anthropic as it is but for the model's upstream name, and the answer read
 * for its usage (cache reads and writes included) and text without being changed.
 */
final class AnthropicPassThrough {

    private AnthropicPassThrough() {
    }

    /** The client's body with the upstream model's name. */
    static byte[] withModel(byte[] body, String upstreamModel) {
        JsonNode root = AnthropicJson.ANTHROPIC.readTree(body);
        ((ObjectNode) root).put("model", upstreamModel);
        return AnthropicJson.ANTHROPIC.writeValueAsBytes(root);
    }

    /** The answer as it came, with what it reported; a body that is no message is a 502. */
    static ProviderReply reply(byte[] body) {
        MessagesResponse response;
        try {
            response = AnthropicJson.ANTHROPIC.readValue(body, MessagesResponse.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (response == null || !"message".equals(response.type()) || response.content() == null) {
            throw UpstreamErrors.invalidResponse();
        }
        return ProviderReply.of(body, Optional.ofNullable(response.usage()).map(AnthropicUsage::of), () -> {
            var text = new StringBuilder();
            for (ContentBlock block : response.content()) {
                append(text, block.text());
                append(text, block.thinking());
                if (block.input() != null) {
                    text.append(AnthropicJson.ANTHROPIC.writeValueAsString(block.input()));
                }
            }
            return text.toString();
        });
    }

    /** Reads a Messages stream's usage and text as its events pass unchanged; an error event fails the stream. */
    static final class Watcher implements ProviderStream.Usage {

        private final AnthropicUsage counts = new AnthropicUsage();
        private final StringBuilder generated = new StringBuilder(256);
        private final AnthropicEventReader parsed = new AnthropicEventReader();
        private boolean usageFinal;

        byte[] accept(byte[] event) {
            if (!parsed.read(event)) {
                return event;
            }
            switch (parsed.type) {
                case "message_start" -> counts.update(parsed.usage);
                case "message_delta" -> {
                    counts.update(parsed.usage);
                    usageFinal = true;
                }
                case "content_block_delta" -> {
                    append(generated, parsed.text);
                    append(generated, parsed.partialJson);
                    append(generated, parsed.thinking);
                }
                case "error" -> throw AnthropicErrors.streamed(parsed.error).asException();
                default -> {
                    // content_block_start/stop, ping, message_stop and later event types pass as they are
                }
            }
            return event;
        }

        @Override
        public Optional<TokenUsage> reported() {
            return usageFinal ? Optional.of(counts.tokens()) : Optional.empty();
        }

        @Override
        public String generatedText() {
            return generated.toString();
        }
    }

    private static void append(StringBuilder text, @Nullable String piece) {
        if (piece != null) {
            text.append(piece);
        }
    }
}
