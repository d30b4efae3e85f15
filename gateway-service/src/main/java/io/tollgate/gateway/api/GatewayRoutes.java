package io.tollgate.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import io.tollgate.gateway.observability.HealthHandler;
import io.tollgate.gateway.pipeline.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Every route of the gateway. Each model endpoint is the same handler, so none can skip the chain or the meter. */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> routes(ModelRequestHandler models, ModelsHandler catalog, HealthHandler health) {
        var routes = RouterFunctions.route();
        for (Endpoint endpoint : Endpoint.values()) {
            routes.route(POST(endpoint.apiPath()), request -> models.handle(request, endpoint));
        }
        return routes
                .route(GET("/v1/models"), catalog::list)
                .route(GET("/v1/models/{*id}"), catalog::one)
                .route(GET("/healthz"), health::live)
                .route(GET("/readyz"), health::ready)
                .route(GET("/metrics"), health::metrics)
                .build();
    }
}
