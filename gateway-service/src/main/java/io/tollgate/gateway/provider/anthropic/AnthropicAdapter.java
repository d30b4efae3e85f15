package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.MessagesPassThrough;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.http.RequestHeaders;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}): chat requests are translated to it and its answers and
 * streams back to OpenAI's shape. The credential goes in {@code x-api-key}, the API version in
 * {@code anthropic-version} (the provider setting {@code anthropicVersion} overrides the default). Anthropic has no
 * embeddings and no legacy completions. A client's own Messages request ({@code /v1/messages}) passes through
 * untranslated, with the client's {@code anthropic-version} (over the provider's) and {@code anthropic-beta}.
 */
@Component
public class AnthropicAdapter implements ProviderAdapter, MessagesPassThrough {

    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    static final String API_VERSION = "2023-06-01";
    static final String VERSION_SETTING = "anthropicVersion";
    static final String VERSION_HEADER = "anthropic-version";
    static final String BETA_HEADER = "anthropic-beta";

    private final UpstreamHttp http;
    private final Clock clock;
    private final Map<UUID, MessagesUri> uris = new ConcurrentHashMap<>();

    public AnthropicAdapter(UpstreamHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
        warmUp();
    }

    /**
     * Jackson builds its (de)serializers on first use under a lock: building them at startup keeps concurrent first
     * requests from waiting on that lock on an event loop.
     */
    private static void warmUp() {
        AnthropicRequestTranslator.translate(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                "m", OptionalInt.empty(), true);
        AnthropicResponseTranslator.translate(utf8("{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"m\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"usage\":{\"input_tokens\":1}}"), false, 0);
        new AnthropicStreamTranslator(true, false, 0, "m").accept(utf8("data: {\"type\":\"message_delta\","
                + "\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n"));
        AnthropicErrors.message(utf8("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"m\"}}"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A provider version's messages URI, parsed once; empty when its base URL is no URL. */
    private record MessagesUri(long version, Optional<URI> uri) {
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.ANTHROPIC;
    }

    @Override
    public boolean serves(Endpoint endpoint) {
        return endpoint == Endpoint.CHAT;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        return Mono.defer(() -> {
            var uri = uri(request.provider());
            if (uri == null) {
                return Mono.error(invalidBaseUrl());
            }
            var translated = AnthropicRequestTranslator.translate(request);
            long created = clock.instant().getEpochSecond();
            return http.post(client(request.provider()), uri, translated.body(), null)
                    .handle((answer, sink) -> {
                        if (!answer.ok()) {
                            sink.error(AnthropicErrors.failure(answer).asException());
                            return;
                        }
                        try {
                            var reply = AnthropicResponseTranslator.translate(answer.body(), translated.jsonMode(), created);
                            sink.next(ProviderReply.of(reply.body(), Optional.ofNullable(reply.usage()), reply::generatedText));
                        } catch (RejectedException e) {
                            sink.error(e);
                        }
                    });
        });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        long created = clock.instant().getEpochSecond();
        boolean wantsUsage = request.facts().includeUsage();
        var uri = uri(request.provider());
        AnthropicRequestTranslator.Translated translated;
        try {
            if (uri == null) {
                throw invalidBaseUrl();
            }
            translated = AnthropicRequestTranslator.translate(request);
        } catch (RejectedException e) {
            return new ProviderStream(Flux.error(e),
                    new AnthropicStreamTranslator(wantsUsage, false, created, request.upstreamModel()));
        }
        var translator = new AnthropicStreamTranslator(wantsUsage, translated.jsonMode(), created, request.upstreamModel());
        Flux<byte[]> events = http.events(client(request.provider()), uri, translated.body(), null, AnthropicErrors::failure)
                .concatMapIterable(translator::accept);
        return new ProviderStream(events, translator);
    }

    @Override
    public Mono<ProviderReply> sendMessages(UpstreamRequest request, ClientHeaders headers) {
        return Mono.defer(() -> {
            var uri = uri(request.provider());
            if (uri == null) {
                return Mono.error(invalidBaseUrl());
            }
            byte[] body = AnthropicPassThrough.withModel(request.body(), request.upstreamModel());
            return http.post(client(request.provider()), uri, body, forwarded(headers))
                    .handle((answer, sink) -> {
                        if (!answer.ok()) {
                            sink.error(AnthropicErrors.failure(answer).asException());
                            return;
                        }
                        try {
                            sink.next(AnthropicPassThrough.reply(answer.body()));
                        } catch (RejectedException e) {
                            sink.error(e);
                        }
                    });
        });
    }

    @Override
    public ProviderStream streamMessages(UpstreamRequest request, ClientHeaders headers) {
        var watcher = new AnthropicPassThrough.Watcher();
        var uri = uri(request.provider());
        if (uri == null) {
            return new ProviderStream(Flux.error(invalidBaseUrl()), watcher);
        }
        byte[] body = AnthropicPassThrough.withModel(request.body(), request.upstreamModel());
        Flux<byte[]> events = http.events(client(request.provider()), uri, body, forwarded(headers),
                        AnthropicErrors::failure)
                .map(watcher::accept);
        return new ProviderStream(events, watcher);
    }

    private UpstreamClient client(ProviderEntry provider) {
        String version = provider.setting(VERSION_SETTING).filter(v -> !v.isBlank()).orElse(API_VERSION);
        return http.client(provider, headers -> {
            provider.credentialValue().ifPresent(key -> headers.set("x-api-key", key));
            headers.set(VERSION_HEADER, version);
        });
    }

    /** The client's version (over the provider's) and beta headers; null when it sent neither. */
    private static @Nullable Consumer<RequestHeaders> forwarded(ClientHeaders client) {
        if (client.version() == null && client.beta() == null) {
            return null;
        }
        return headers -> {
            if (client.version() != null) {
                headers.set(VERSION_HEADER, client.version());
            }
            if (client.beta() != null) {
                headers.set(BETA_HEADER, client.beta());
            }
        };
    }

    private @Nullable URI uri(ProviderEntry provider) {
        var known = uris.get(provider.id());
        if (known == null || known.version() != provider.version()) {
            known = new MessagesUri(provider.version(), messagesUri(provider));
            uris.put(provider.id(), known);
        }
        return known.uri().orElse(null);
    }

    /** The base URL with or without its {@code /v1}. */
    static Optional<URI> messagesUri(ProviderEntry provider) {
        String baseUrl = provider.baseUrl() != null && !provider.baseUrl().isBlank() ? provider.baseUrl() : DEFAULT_BASE_URL;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            var uri = new URI(base + (base.endsWith("/v1") ? "/messages" : "/v1/messages"));
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static RejectedException invalidBaseUrl() {
        return Rejection.upstream(502, "upstream_misconfigured", "The provider's base URL is not a valid URL.").asException();
    }

    @Override
    public String toString() {
        return "AnthropicAdapter";
    }
}
