package io.tollgate.gateway.provider.openai;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.model.catalog.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * OpenAI and any OpenAI-compatible server (vLLM, NIM, Ollama, LM Studio, ...): the canonical format is theirs, so
 * the body goes out as the client sent it (the model name and the stream's usage option rewritten where needed)
 * and the answer comes back byte for byte.
 */
@Component
public class OpenAiAdapter implements ProviderAdapter {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final UpstreamHttp http;
    private final Map<UUID, Endpoints> endpoints = new ConcurrentHashMap<>();

    public OpenAiAdapter(UpstreamHttp http) {
        this.http = http;
    }

    /** A provider version's endpoint URIs, parsed once: a URI string would be parsed with every request. */
    private record Endpoints(long version, Map<Endpoint, URI> uris) {
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.OPENAI || type == ProviderType.OPENAI_COMPATIBLE;
    }

    @Override
    public Mono<ProviderReply> send(UpstreamRequest request) {
        var uri = uri(request);
        if (uri == null) {
            return Mono.error(invalidBaseUrl());
        }
        return http.post(client(request.provider()), uri, OpenAiRequestRewriter.rewrite(request), null)
                .map(answer -> {
                    if (!answer.ok()) {
                        throw failure(answer).asException();
                    }
                    return OpenAiReply.of(answer.body());
                });
    }

    @Override
    public ProviderStream stream(UpstreamRequest request) {
        var translator = new OpenAiStreamTranslator(request.facts().includeUsage());
        var uri = uri(request);
        if (uri == null) {
            return new ProviderStream(Flux.error(invalidBaseUrl()), translator);
        }
        return new ProviderStream(translator.watch(http.events(client(request.provider()), uri,
                OpenAiRequestRewriter.rewrite(request), null, OpenAiAdapter::failure)), translator);
    }

    /** An OpenAI-shaped error answer as the client's rejection. */
    static Rejection failure(UpstreamHttp.Answer answer) {
        return UpstreamErrors.fromStatus(answer.status(), OpenAiErrorMessage.of(answer.body()).orElse(null),
                answer.headers().get(HttpHeaderNames.RETRY_AFTER));
    }

    private UpstreamClient client(ProviderEntry provider) {
        return http.client(provider, headers -> provider.credentialValue()
                .ifPresent(key -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key)));
    }

    private @Nullable URI uri(UpstreamRequest request) {
        var provider = request.provider();
        var known = endpoints.get(provider.id());
        if (known == null || known.version() != provider.version()) {
            known = new Endpoints(provider.version(), uris(provider));
            endpoints.put(provider.id(), known);
        }
        return known.uris().get(request.endpoint());
    }

    private static Map<Endpoint, URI> uris(ProviderEntry provider) {
        String baseUrl = provider.baseUrl() != null ? provider.baseUrl() : DEFAULT_BASE_URL;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        var uris = new EnumMap<Endpoint, URI>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            try {
                var uri = new URI(base + endpoint.path());
                if (uri.getHost() != null) {
                    uris.put(endpoint, uri);
                }
            } catch (URISyntaxException e) {
                // stays out of the map: its requests are refused with invalidBaseUrl()
            }
        }
        return uris;
    }

    private static RejectedException invalidBaseUrl() {
        return Rejection.upstream(502, "upstream_misconfigured", "The provider's base URL is not a valid URL.").asException();
    }

    @Override
    public String toString() {
        return "OpenAiAdapter";
    }
}
