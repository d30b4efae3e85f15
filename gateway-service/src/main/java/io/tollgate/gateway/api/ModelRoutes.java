package io.tollgate.gateway.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.tollgate.gateway.error.ErrorShape;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.http.Reply;
import io.tollgate.gateway.pipeline.Endpoint;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * Model requests ({@code POST /v1/chat/completions} and the other {@link Endpoint}s, and Anthropic's
 * {@code /v1/messages/count_tokens}) are served on Reactor Netty's
 * own request and response, ahead of WebFlux: its exchange, dispatcher, filters and codecs cost the gateway's busiest
 * path a long chain of objects and operators per request and do nothing for it. Every other request (the model
 * list, health, metrics, other methods, unknown paths) goes on to WebFlux and {@link GatewayRoutes}.
 */
@Component
class ModelRoutes implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(ModelRoutes.class);

    /** Anthropic's token counting, answered by the gateway itself. */
    static final String COUNT_TOKENS_PATH = "/v1/messages/count_tokens";

    private final ModelRequestHandler models;
    private final ErrorWriter errors;
    private final InFlightRequests inFlight;

    ModelRoutes(ModelRequestHandler models, ErrorWriter errors, InFlightRequests inFlight) {
        this.models = models;
        this.errors = errors;
        this.inFlight = inFlight;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        for (Endpoint endpoint : Endpoint.values()) {
            routes = routes.route(request -> HttpMethod.POST.equals(request.method())
                            && endpoint.apiPath().equals(request.fullPath()),
                    (request, response) -> serve(request, response, endpoint,
                            (headers, responseHeaders, requestId) -> models.handle(request, headers, responseHeaders,
                                    endpoint, requestId)));
        }
        return routes.route(request -> HttpMethod.POST.equals(request.method())
                        && COUNT_TOKENS_PATH.equals(request.fullPath()),
                (request, response) -> serve(request, response, Endpoint.MESSAGES,
                        (headers, responseHeaders, requestId) -> models.countTokens(request, headers, responseHeaders,
                                requestId)));
    }

    /** A handler of one route, given the request's headers, the response's and the request id. */
    @FunctionalInterface
    private interface Handler {
        Mono<Reply> handle(HttpHeaders headers, HttpHeaders responseHeaders, String requestId);
    }

    private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response, Endpoint endpoint,
                                  Handler handler) {
        String requestId = RequestIds.resolve(request.requestHeaders().get(RequestIds.HEADER));
        response.header(RequestIds.HEADER, requestId);
        var headers = new HttpHeaders(new Netty4HeadersAdapter(request.requestHeaders()));
        var responseHeaders = new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()));
        var shape = endpoint.errorShape();
        return Mono.defer(() -> handler.handle(headers, responseHeaders, requestId))
                .onErrorResume(failure -> Mono.just(errors.reply(shape, rejectionFor(request, failure))))
                .flatMap(reply -> write(request, response, reply, shape))
                .doFirst(inFlight::started)
                .doFinally(signal -> inFlight.ended());
    }

    private Mono<Void> write(HttpServerRequest request, HttpServerResponse response, Reply reply, ErrorShape shape) {
        return switch (reply) {
            case Reply.Json json -> writeJson(response, json);
            // a stream that fails before its first event is answered like any other failure, as JSON
            case Reply.EventStream stream -> stream.events().switchOnFirst((first, events) -> first.isOnError()
                    ? writeJson(response, errors.reply(shape, rejectionFor(request, first.getThrowable())))
                    : response.status(200)
                            .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_EVENT_STREAM)
                            .header(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                            .send(events.map(Unpooled::wrappedBuffer), event -> true))
                    .then();
        };
    }

    private static Mono<Void> writeJson(HttpServerResponse response, Reply.Json json) {
        response.status(json.status()).header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        if (json.headerName() != null) {
            response.header(json.headerName(), json.headerValue());
        }
        return response.send(Mono.just(Unpooled.wrappedBuffer(json.body()))).then();
    }

    private static Rejection rejectionFor(HttpServerRequest request, Throwable failure) {
        if (failure instanceof RejectedException rejected) {
            return rejected.rejection();
        }
        log.error("Unexpected failure on {} {}", request.method(), request.fullPath(), failure);
        return Rejection.internal();
    }
}
