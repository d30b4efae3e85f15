package io.tollgate.gateway.api;

import io.tollgate.gateway.auth.ApiKeyPolicy;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: only the models the key's app is subscribed to. */
@Component
class ModelsHandler {

    private final JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final SnapshotHolder snapshots;
    private final ApiKeyPolicy authentication;
    private final ErrorWriter errors;
    private final Clock clock;

    ModelsHandler(SnapshotHolder snapshots, ApiKeyPolicy authentication, ErrorWriter errors, Clock clock) {
        this.snapshots = snapshots;
        this.authentication = authentication;
        this.errors = errors;
        this.clock = clock;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return withModels(request, null);
    }

    Mono<ServerResponse> one(ServerRequest request) {
        String id = request.pathVariable("id");
        return withModels(request, id.startsWith("/") ? id.substring(1) : id);
    }

    private Mono<ServerResponse> withModels(ServerRequest request, String id) {
        RequestIds.apply(request.exchange());
        var snapshot = snapshots.current();
        if (snapshot.isEmpty()) {
            return errors.response(ModelRequestHandler.notReady());
        }
        var auth = authentication.authenticate(ApiKeyPolicy.presentedKey(request.headers().asHttpHeaders()),
                snapshot.get(), clock.instant());
        if (auth.caller() == null) {
            return errors.response(auth.rejection());
        }
        var models = snapshot.get().subscribedModels(auth.caller().app().id()).stream().map(ModelsHandler::model).toList();
        if (id == null) {
            return ok(new ModelList("list", models));
        }
        return models.stream().filter(model -> model.id().equals(id)).findFirst()
                .map(this::ok).orElseGet(() -> errors.response(Rejection.modelNotFound(id)));
    }

    private Mono<ServerResponse> ok(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(body));
    }

    private static ModelList.Model model(ModelEntry model) {
        return new ModelList.Model(model.name(), "model", model.createdAt().getEpochSecond(), "tollgate");
    }
}
