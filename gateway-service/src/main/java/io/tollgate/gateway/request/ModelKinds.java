package io.tollgate.gateway.request;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.snapshot.ModelEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which endpoints a catalog model serves: the capabilities {@code chat}, {@code completions} and {@code embeddings}
 * name them (the catalog's column, edited in the portal). A model that names none of them is not classified and is
 * served on every endpoint, as before the kinds were checked.
 */
final class ModelKinds {

    private ModelKinds() {
    }

    static Optional<Rejection> check(Endpoint endpoint, ModelEntry model) {
        var capabilities = model.capabilities();
        if (capabilities.contains(capability(endpoint))) {
            return Optional.empty();
        }
        var served = Arrays.stream(Endpoint.values()).filter(e -> capabilities.contains(capability(e))).toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Rejection.invalidRequest("model", "model_not_supported_on_endpoint", "The model '"
                + model.name() + "' is " + (served.equals(List.of(Endpoint.EMBEDDINGS)) ? "an embedding model"
                : "a " + (served.contains(Endpoint.CHAT) ? "chat" : "completions") + " model")
                + " and is not supported on " + endpoint.apiPath() + "; use "
                + served.stream().map(Endpoint::apiPath).collect(Collectors.joining(" or ")) + "."));
    }

    /** The capability that names an endpoint in the catalog. */
    static String capability(Endpoint endpoint) {
        return switch (endpoint) {
            case CHAT, MESSAGES -> "chat";
            case COMPLETIONS -> "completions";
            case EMBEDDINGS -> "embeddings";
        };
    }
}
