package io.tollgate.portal.admin.models;

import java.util.List;

/** A model's routing as edited: the strategy among its deployments and its fallback models, first tried first. */
public record ModelRouting(RoutingStrategy strategy, List<Fallback> fallbacks) {

    public ModelRouting {
        fallbacks = List.copyOf(fallbacks);
    }
}
