package io.tollgate.gateway.api;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.server.PipelineRoutes;
import io.tollgate.gateway.server.ServerProperties;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Model requests ({@code POST} on each {@link Endpoint}'s path, and on Anthropic's {@code /v1/messages/count_tokens})
 * are served on the connection's own Netty pipeline ({@link ModelConnection}), ahead of Reactor Netty's HTTP server
 * and WebFlux: their request objects, operators and codecs cost the gateway's busiest path a long chain of objects per
 * request and do nothing for it. Every other request (the model list, health, other methods, unknown paths) goes on
 * to WebFlux and {@link GatewayRoutes}.
 */
@Component
class ModelRoutes implements PipelineRoutes {

    private static final Logger log = LoggerFactory.getLogger(ModelRoutes.class);

    /** Anthropic's token counting, answered by the gateway itself. */
    static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";

    /** A model route: its path, its endpoint, and whether it only counts the prompt's tokens. */
    record Route(String path, Endpoint endpoint, boolean countTokens) {
    }

    private final List<Route> routes = new ArrayList<>();
    final ModelRequestHandler models;
    final ErrorWriter errors;
    final InFlightRequests inFlight;
    final Clock clock;
    final long bodyTimeoutNanos;

    ModelRoutes(ModelRequestHandler models, ErrorWriter errors, InFlightRequests inFlight, Clock clock,
                ServerProperties server) {
        this.models = models;
        this.errors = errors;
        this.inFlight = inFlight;
        this.clock = clock;
        this.bodyTimeoutNanos = server.bodyTimeout().toNanos();
        for (Endpoint endpoint : Endpoint.values()) {
            routes.add(new Route(endpoint.apiPath(), endpoint, false));
        }
        routes.add(new Route(COUNT_TOKENS_PATH, Endpoint.MESSAGES, true));
    }

    @Override
    public ChannelHandler newConnectionHandler() {
        return new ModelConnection(this);
    }

    /** The request's model route; null when it is not a model request. */
    @Nullable Route route(HttpRequest request) {
        if (!HttpMethod.POST.equals(request.method()) || !request.decoderResult().isSuccess()) {
            return null;
        }
        String uri = request.uri();
        if (!uri.startsWith("/")) {
            uri = absolutePath(uri);
        }
        int end = pathEnd(uri);
        for (Route route : routes) {
            if (route.path().length() == end && uri.startsWith(route.path())) {
                return route;
            }
        }
        return null;
    }

    /** Where the path ends: before a query or fragment, and before one trailing slash. */
    private static int pathEnd(String uri) {
        int end = uri.length();
        for (int i = 0; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return end > 1 && uri.charAt(end - 1) == '/' ? end - 1 : end;
    }

    /** A request target in absolute form ({@code http://host/path}), as a proxy sends it. */
    private static String absolutePath(String uri) {
        try {
            String path = URI.create(uri).getRawPath();
            return path != null ? path : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    Rejection rejectionFor(HttpRequest request, Throwable failure) {
        if (failure instanceof RejectedException rejected) {
            return rejected.rejection();
        }
        log.error("Unexpected failure on {} {}", request.method(), request.uri(), failure);
        return Rejection.internal();
    }
}
