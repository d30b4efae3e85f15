package io.tollgate.model.catalog;

import org.jspecify.annotations.NullMarked;

/** A deployment with the name of the catalog model it serves, as lists show it. */
@NullMarked
public record ListedDeployment(Deployment deployment, String modelName) {
}
