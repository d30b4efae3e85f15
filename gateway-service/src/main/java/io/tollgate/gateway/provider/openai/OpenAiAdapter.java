package io.tollgate.gateway.provider.openai;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.SseEventSplitter;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.UpstreamReply;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.ProviderType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * OpenAI and any OpenAI-compatible server (vLLM, NIM, Ollama, ...): the body goes out as prepared, the answer comes
 * back unchanged. One keep-alive connection pool for all providers; one configured client per provider version,
 * so a changed URL, timeout or credential takes effect with the next snapshot.
 */
@Component
public class OpenAiAdapter implements ProviderAdapter, DisposableBean {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final ConnectionProvider pool;
    private final Map<UUID, ProviderClient> clients = new ConcurrentHashMap<>();

    public OpenAiAdapter(UpstreamPoolProperties properties) {
        this.pool = ConnectionProvider.builder("tollgate-upstream")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(properties.maxPendingAcquires())
                .maxIdleTime(properties.maxIdleTime())
                .build();
    }

    /** A provider's client and its endpoints' URIs, parsed once: a URI string would be parsed with every request. */
    private record ProviderClient(long version, HttpClient http, Map<Endpoint, URI> uris) {
    }

    @Override
    public boolean supports(ProviderType type) {
        return type == ProviderType.OPENAI || type == ProviderType.OPENAI_COMPATIBLE;
    }

    @Override
    public Mono<UpstreamReply> send(UpstreamRequest request) {
        var post = post(request);
        if (post == null) {
            return Mono.error(invalidBaseUrl());
        }
        return post.responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                        .map(body -> new UpstreamReply(response.status().code(), body)))
                .onErrorMap(UpstreamErrors::fromFailure);
    }

    @Override
    public Flux<byte[]> stream(UpstreamRequest request) {
        var post = post(request);
        if (post == null) {
            return Flux.error(invalidBaseUrl());
        }
        return post.response((response, content) -> {
                    int status = response.status().code();
                    if (status != 200) {
                        return content.aggregate().asByteArray().defaultIfEmpty(new byte[0])
                                .flatMapMany(body -> Flux.error(UpstreamErrors.fromStatus(status, body).asException()));
                    }
                    var splitter = new SseEventSplitter();
                    return content.asByteArray().concatMapIterable(splitter::accept)
                            .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.rest())));
                })
                .onErrorMap(UpstreamErrors::fromFailure);
    }

    /** The request's POST to its provider, ready to send; null when the provider's base URL is no URL. */
    private HttpClient.@Nullable ResponseReceiver<?> post(UpstreamRequest request) {
        var client = client(request.provider());
        var uri = client.uris().get(request.endpoint());
        return uri == null ? null : client.http().post().uri(uri)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())));
    }

    private ProviderClient client(ProviderEntry provider) {
        var client = clients.get(provider.id());
        if (client != null && client.version() == provider.version()) {
            return client;
        }
        return clients.compute(provider.id(), (id, existing) -> existing != null && existing.version() == provider.version()
                ? existing : new ProviderClient(provider.version(), create(provider), uris(provider)));
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

    private HttpClient create(ProviderEntry provider) {
        return HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) provider.connectTimeout().toMillis())
                .responseTimeout(provider.responseTimeout())
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    provider.credentialValue().ifPresent(key -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key));
                });
    }

    @Override
    public void destroy() {
        pool.disposeLater().block();
    }

    @Override
    public String toString() {
        return "OpenAiAdapter[" + pool + "]";
    }
}
