package io.tollgate.gateway.provider;

import io.netty.handler.codec.http.HttpHeaders;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.http.RequestHeaders;
import io.tollgate.gateway.provider.http.UpstreamClient;
import io.tollgate.gateway.provider.http.UpstreamConnections;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * HTTP to providers for every adapter: keep-alive connections pooled per address and event loop (see
 * {@link UpstreamConnections}), and one client per provider version with its constant headers encoded once, so a
 * changed URL, timeout or credential takes effect with the next snapshot. Adapters say what their provider's requests
 * carry; this class sends them and hands back status, headers and body, or the body as it streams in.
 */
@Component
public class UpstreamHttp implements DisposableBean {

    private final UpstreamConnections connections;
    private final Map<UUID, VersionedClient> clients = new ConcurrentHashMap<>();

    @Autowired
    public UpstreamHttp(UpstreamPoolProperties properties, Clock clock, ObjectProvider<ReactorResourceFactory> resources) {
        this(properties, clock, serverLoops(resources));
    }

    UpstreamHttp(UpstreamPoolProperties properties, Clock clock, Supplier<LoopResources> loops) {
        this.connections = new UpstreamConnections(loops, null, clock, properties.maxConnections(),
                properties.maxPendingAcquires(), properties.maxIdleTime());
    }

    /** The server's loops: Spring's resource factory holds them once started (and new ones after a restart). */
    private static Supplier<LoopResources> serverLoops(ObjectProvider<ReactorResourceFactory> resources) {
        ReactorResourceFactory factory = resources.getIfAvailable();
        if (factory == null) {
            return HttpResources::get;
        }
        return () -> {
            try {
                return factory.getLoopResources();
            } catch (IllegalStateException notStarted) {
                return HttpResources.get();
            }
        };
    }

    private record VersionedClient(long version, UpstreamClient client) {
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
    public UpstreamClient client(ProviderEntry provider, Consumer<RequestHeaders> defaultHeaders) {
        var client = clients.get(provider.id());
        if (client != null && client.version() == provider.version()) {
            return client.client();
        }
        return clients.compute(provider.id(), (id, existing) -> existing != null && existing.version() == provider.version()
                ? existing : new VersionedClient(provider.version(), new UpstreamClient(defaultHeaders,
                provider.connectTimeout(), provider.responseTimeout()))).client();
    }

    /**
     * POSTs the body and reads the whole answer.
     *
     * @param requestHeaders this request's own headers (a signature, a fresh token), over the client's
     */
    public Mono<Answer> post(UpstreamClient client, URI uri, byte[] body,
                             @Nullable Consumer<RequestHeaders> requestHeaders) {
        return connections.post(client, uri, body, requestHeaders);
    }

    /**
     * POSTs the body and relays the answer's server-sent events, one whole event per item; an answer that is not a
     * success fails the flux with the rejection {@code failures} makes of it.
     */
    public Flux<byte[]> events(UpstreamClient client, URI uri, byte[] body,
                               @Nullable Consumer<RequestHeaders> requestHeaders, FailureReader failures) {
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
    public Flux<byte[]> chunks(UpstreamClient client, URI uri, byte[] body,
                               @Nullable Consumer<RequestHeaders> requestHeaders, FailureReader failures) {
        return connections.chunks(client, uri, body, requestHeaders, failures);
    }

    @Override
    public void destroy() {
        connections.close();
    }

    @Override
    public String toString() {
        return "UpstreamHttp[" + connections + "]";
    }
}
