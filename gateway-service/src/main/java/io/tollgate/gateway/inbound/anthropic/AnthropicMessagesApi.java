package io.tollgate.gateway.inbound.anthropic;

import io.tollgate.gateway.api.ClientApi;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.MessagesPassThrough;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}) on any provider: to a provider that speaks it
 * ({@link MessagesPassThrough}) the client's request goes as it is, with the model renamed and the client's
 * {@code anthropic-version} and {@code anthropic-beta} headers (no others), and the provider's answer
 * and events come back as they are; to any other the canonical form goes, and its answer comes back as an Anthropic
 * message or Anthropic events. A request whose canonical form had to leave something out is refused by those others.
 */
@Component
class AnthropicMessagesApi implements ClientApi {

    private static final String VERSION_HEADER = "anthropic-version";
    private static final String BETA_HEADER = "anthropic-beta";
    private static final ProviderStream.Usage NOTHING_REPORTED = new ProviderStream.Usage() {
        @Override
        public Optional<TokenUsage> reported() {
            return Optional.empty();
        }

        @Override
        public String generatedText() {
            return "";
        }
    };

    AnthropicMessagesApi() {
        warmUp();
    }

    /**
     * Jackson builds its (de)serializers on first use under a lock: building them at startup keeps concurrent first
     * requests from waiting on that lock on an event loop.
     */
    private static void warmUp() {
        MessagesRequestTranslator.translate(utf8("{\"model\":\"m\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}"), true);
        MessageReplyTranslator.translate(new ProviderReply(utf8("{\"id\":\"c\",\"object\":\"chat.completion\","
                + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}"), null, "hi"));
        var stream = new MessageStreamTranslator(NOTHING_REPORTED, "m");
        stream.accept(utf8("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}\n\n"));
        stream.finish();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Endpoint endpoint() {
        return Endpoint.MESSAGES;
    }

    @Override
    public Mono<ProviderReply> send(ProviderAdapter adapter, UpstreamRequest canonical, RequestContext context) {
        if (adapter instanceof MessagesPassThrough messages) {
            return messages.sendMessages(asSent(canonical, context), clientHeaders(context));
        }
        var untranslatable = context.untranslatable();
        if (untranslatable.isPresent()) {
            return Mono.error(MessagesRequestTranslator.untranslatable(untranslatable.get()).asException());
        }
        return adapter.send(canonical).map(MessageReplyTranslator::translate);
    }

    @Override
    public ProviderStream stream(ProviderAdapter adapter, UpstreamRequest canonical, RequestContext context) {
        if (adapter instanceof MessagesPassThrough messages) {
            return messages.streamMessages(asSent(canonical, context), clientHeaders(context));
        }
        var untranslatable = context.untranslatable();
        if (untranslatable.isPresent()) {
            return new ProviderStream(Flux.error(MessagesRequestTranslator.untranslatable(untranslatable.get())
                    .asException()), NOTHING_REPORTED);
        }
        var stream = adapter.stream(canonical);
        var translator = new MessageStreamTranslator(stream.usage(), canonical.upstreamModel());
        Flux<byte[]> events = stream.events().concatMapIterable(translator::accept)
                .concatWith(Flux.defer(() -> Flux.fromIterable(translator.finish())));
        return new ProviderStream(events, stream.usage());
    }

    /** The call with the client's own body. */
    private static UpstreamRequest asSent(UpstreamRequest canonical, RequestContext context) {
        return new UpstreamRequest(Endpoint.MESSAGES, canonical.provider(), canonical.upstreamModel(), context.body(),
                canonical.facts(), canonical.completionCap());
    }

    /** The client's Anthropic API headers (beta features sent as several headers joined as one). */
    static MessagesPassThrough.ClientHeaders clientHeaders(RequestContext context) {
        HttpHeaders headers = context.requestHeaders();
        List<String> betas = headers.getOrEmpty(BETA_HEADER);
        return new MessagesPassThrough.ClientHeaders(headers.getFirst(VERSION_HEADER),
                betas.isEmpty() ? null : String.join(",", betas));
    }

    @Override
    public String toString() {
        return "AnthropicMessagesApi";
    }
}
