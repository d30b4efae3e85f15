package io.tollgate.gateway.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.ContextView;

/**
 * HTTP to providers for every adapter: one keep-alive connection pool, and one configured client per provider
 * version, so a changed URL, timeout or credential takes effect with the next snapshot. Adapters say what their
 * provider's requests carry; this class sends them and hands back status, headers and body, or server-sent events.
 */
@Component
public class UpstreamHttp implements DisposableBean {

    private final ConnectionProvider pool;
    private final Map<UUID, VersionedClient> clients = new ConcurrentHashMap<>();
    /** Keyed by the provider version's client, weakly: a client replaced by a newer version takes its copies along. */
    private final Cache<HttpClient, Map<Timeouts, HttpClient>> clientsWithTimeouts =
            Caffeine.newBuilder().weakKeys().build();
    private final Clock clock;

    public UpstreamHttp(UpstreamPoolProperties properties, Clock clock) {
        this.clock = clock;
        this.pool = ConnectionProvider.builder("tollgate-upstream")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(properties.maxPendingAcquires())
                .maxIdleTime(properties.maxIdleTime())
                .build();
    }

    private record VersionedClient(long version, HttpClient http) {
    }

    /**
     * Reactor context key of the headers (a {@code Map<String, String>}) that carry the caller's trace context
     * (W3C {@code traceparent}) to the provider; absent when tracing is off.
     */
    public static final String TRACE_HEADERS = "tollgate.upstream.trace-headers";

    /**
     * Reactor context key of the {@link ProviderRateLimits.Listener} told what a successful answer's rate-limit
     * headers say; absent when nobody needs to know (a deployment without a known capacity).
     */
    public static final String RATE_LIMITS = "tollgate.upstream.rate-limits";

    /**
     * Reactor context key of the {@link Timeouts} a deployment sets in place of its provider's; absent when it sets
     * none, so requests of the others pay nothing.
     */
    public static final String TIMEOUTS = "tollgate.upstream.timeouts";

    /**
     * A deployment's own timeouts for one request, each null for the provider's.
     *
     * @param connect  to open a connection; a value other than the provider's keeps its own connections in the pool
     *                 (Reactor Netty pools connections per channel options)
     * @param response the longest silence between two reads of the answer, before its first byte too
     */
    public record Timeouts(@Nullable Duration connect, @Nullable Duration response) {
    }

    /** A provider's whole answer to one request. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Turns a provider's error answer into the rejection the client sees. */
    @FunctionalInterface
    public interface FailureReader {
        Rejection rejection(Answer answer);
    }

    /**
     * The provider's client, created on first use of this provider version.
     *
     * @param defaultHeaders the headers every request to this provider carries (its credential, version headers)
     */
    public HttpClient client(ProviderEntry provider, Consumer<HttpHeaders> defaultHeaders) {
        var client = clients.get(provider.id());
        if (client != null && client.version() == provider.version()) {
            return client.http();
        }
        return clients.compute(provider.id(), (id, existing) -> existing != null && existing.version() == provider.version()
                ? existing : new VersionedClient(provider.version(), create(provider, defaultHeaders))).http();
    }

    /** POSTs the body and reads the whole answer. */
    public Mono<Answer> post(HttpClient client, URI uri, byte[] body, @Nullable Consumer<HttpHeaders> requestHeaders) {
        return Mono.deferContextual(context -> perRequest(client, requestHeaders, context).post().uri(uri)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> {
                    int status = response.status().code();
                    if (status / 100 == 2) {
                        reportRateLimits(response.responseHeaders(), context);
                    }
                    return content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> new Answer(status, response.responseHeaders(), bytes));
                }))
                .onErrorMap(UpstreamErrors::fromFailure);
    }

    /**
     * POSTs the body and relays the answer's server-sent events, one whole event per item; an answer that is not a
     * success fails the flux with the rejection {@code failures} makes of it.
     */
    public Flux<byte[]> events(HttpClient client, URI uri, byte[] body, @Nullable Consumer<HttpHeaders> requestHeaders,
                               FailureReader failures) {
        return Flux.defer(() -> {
            var splitter = new SseEventSplitter();
            return chunks(client, uri, body, requestHeaders, failures).concatMapIterable(splitter::accept)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.rest())));
        });
    }

    /**
     * POSTs the body and relays a successful answer's bytes as the network delivers them, for streams framed other
     * than as server-sent events; an answer that is not a success fails the flux with the rejection {@code failures}
     * makes of it.
     */
    public Flux<byte[]> chunks(HttpClient client, URI uri, byte[] body, @Nullable Consumer<HttpHeaders> requestHeaders,
                               FailureReader failures) {
        return Flux.deferContextual(context -> perRequest(client, requestHeaders, context).post().uri(uri)
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .response((response, content) -> {
                    int status = response.status().code();
                    if (status / 100 != 2) {
                        return content.aggregate().asByteArray().defaultIfEmpty(new byte[0])
                                .flatMapMany(bytes -> Flux.error(failures.rejection(
                                        new Answer(status, response.responseHeaders(), bytes)).asException()));
                    }
                    reportRateLimits(response.responseHeaders(), context);
                    return content.asByteArray();
                }))
                .onErrorMap(UpstreamErrors::fromFailure);
    }

    private void reportRateLimits(HttpHeaders headers, ContextView context) {
        ProviderRateLimits.Listener listener = context.getOrDefault(RATE_LIMITS, null);
        if (listener == null) {
            return;
        }
        var limits = ProviderRateLimits.of(headers, clock);
        if (limits != null) {
            listener.reported(limits);
        }
    }

    /**
     * A deployment's own timeouts select the client configured with them, made once per provider version and
     * timeouts; per-request headers (a signature, a fresh token, a trace context) cost a client copy, so requests
     * without any skip it.
     */
    private HttpClient perRequest(HttpClient client, @Nullable Consumer<HttpHeaders> requestHeaders,
                                  ContextView context) {
        Timeouts timeouts = context.getOrDefault(TIMEOUTS, null);
        HttpClient configured = timeouts == null ? client : withTimeouts(client, timeouts);
        return withHeaders(configured, requestHeaders, context);
    }

    HttpClient withTimeouts(HttpClient client, Timeouts timeouts) {
        return clientsWithTimeouts.get(client, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(timeouts, key -> configure(client, key));
    }

    private static HttpClient configure(HttpClient client, Timeouts timeouts) {
        HttpClient configured = client;
        if (timeouts.connect() != null) {
            configured = configured.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis());
        }
        if (timeouts.response() != null) {
            configured = configured.responseTimeout(timeouts.response());
        }
        return configured;
    }

    private static HttpClient withHeaders(HttpClient client, @Nullable Consumer<HttpHeaders> requestHeaders,
                                          ContextView context) {
        Map<String, String> trace = context.getOrDefault(TRACE_HEADERS, null);
        if (trace == null) {
            return requestHeaders == null ? client : client.headers(requestHeaders);
        }
        return client.headers(headers -> {
            if (requestHeaders != null) {
                requestHeaders.accept(headers);
            }
            trace.forEach(headers::set);
        });
    }

    private HttpClient create(ProviderEntry provider, Consumer<HttpHeaders> defaultHeaders) {
        return HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) provider.connectTimeout().toMillis())
                .responseTimeout(provider.responseTimeout())
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                    defaultHeaders.accept(headers);
                });
    }

    @Override
    public void destroy() {
        pool.disposeLater().block();
    }

    @Override
    public String toString() {
        return "UpstreamHttp[" + pool + "]";
    }
}
