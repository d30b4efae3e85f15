package io.tollgate.gateway.api;

import io.tollgate.gateway.error.GatewayExceptionHandler;
import io.tollgate.gateway.pipeline.Endpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * Model requests ({@code POST /v1/chat/completions} and the other {@link Endpoint}s) go from the HTTP server straight
 * to {@link ModelRequestHandler}, past WebFlux's dispatcher, web filters and per-request observation: those cost the
 * gateway's busiest path a long chain of operators per request and do nothing for it (the handler sets the request
 * id, and failures are rendered by the same {@link GatewayExceptionHandler}). Everything else (the model list, health,
 * metrics, other methods, unknown paths) takes WebFlux's usual way through {@link GatewayRoutes}, which routes the
 * same paths to the same handler.
 */
@Component
class ModelRequestShortcut implements HttpHandlerDecoratorFactory {

    private final Map<String, Endpoint> endpointsByPath = new HashMap<>();
    private final ModelRequestHandler models;
    private final GatewayExceptionHandler failures;
    private final WebSessionManager sessions;
    private final ServerCodecConfigurer codecs;
    private final LocaleContextResolver locales;
    private final ServerResponse.Context responseContext;

    ModelRequestShortcut(ModelRequestHandler models, GatewayExceptionHandler failures, WebSessionManager sessions,
                         ServerCodecConfigurer codecs, LocaleContextResolver locales) {
        this.models = models;
        this.failures = failures;
        this.sessions = sessions;
        this.codecs = codecs;
        this.locales = locales;
        for (Endpoint endpoint : Endpoint.values()) {
            endpointsByPath.put(endpoint.apiPath(), endpoint);
        }
        this.responseContext = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return codecs.getWriters();
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public HttpHandler apply(HttpHandler webFlux) {
        return (request, response) -> {
            Endpoint endpoint = request.getMethod() == HttpMethod.POST
                    ? endpointsByPath.get(request.getPath().pathWithinApplication().value()) : null;
            return endpoint == null ? webFlux.handle(request, response) : handle(request, response, endpoint);
        };
    }

    private Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response, Endpoint endpoint) {
        var exchange = new DefaultServerWebExchange(request, response, sessions, codecs, locales);
        return models.handle(ServerRequest.create(exchange, codecs.getReaders()), endpoint)
                .flatMap(answer -> answer.writeTo(exchange, responseContext))
                .onErrorResume(failure -> failures.handle(exchange, failure))
                .then(Mono.defer(response::setComplete));
    }
}
