package io.tollgate.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.tollgate.gateway.error.ErrorShape;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.observability.HealthHandler;
import io.tollgate.gateway.pipeline.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway's routes besides the model requests, which {@link ModelRoutes} serves (each model endpoint by the same
 * handler, so none can skip the chain or the meter). A model endpoint's path reached here was not a POST.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> routes(ModelsHandler catalog, HealthHandler health, ErrorWriter errors) {
        var routes = RouterFunctions.route();
        for (Endpoint endpoint : Endpoint.values()) {
            postOnly(routes, endpoint.apiPath(), endpoint.errorShape(), errors);
        }
        postOnly(routes, ModelRoutes.COUNT_TOKENS_PATH, Endpoint.MESSAGES.errorShape(), errors);
        return routes
                .route(GET("/v1/models"), catalog::list)
                .route(GET("/v1/models/{*id}"), catalog::one)
                .route(GET("/livez"), health::live)
                .route(GET("/healthz"), health::live)
                .route(GET("/readyz"), health::ready)
                .build();
    }

    private static void postOnly(RouterFunctions.Builder routes, String apiPath, ErrorShape shape, ErrorWriter errors) {
        var rejection = new Rejection(405, Rejection.INVALID_REQUEST, null, "method_not_allowed",
                "Use POST for " + apiPath + ".");
        routes.route(path(apiPath), request -> ServerResponse.status(405).header(HttpHeaders.ALLOW, "POST")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(errors.body(shape, rejection)));
    }
}
